import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { flash } from "./support/browser";
import { test as base, expect, signInOverHttp } from "./fixtures";
import { sql } from "./support/database";
import { OIDC_NAME } from "./support/oidc-settings";
import { createUser, uniqueEmail, type TestUser } from "./support/users";

// Specs share one database and run in parallel: every test works only with
// users it created itself, found by searching for their unique emails.

function userAgentOf(page: Page): Promise<string> {
  return page.evaluate(() => navigator.userAgent);
}

const test = base.extend<{ admin: TestUser }>({
  /** A fresh admin, signed in (freshly, so /admin opens) in `page`'s browser context. */
  admin: async ({ page }, use) => {
    const admin = await createUser({ name: "Admin Ada", email: uniqueEmail("admin"), admin: true });
    await signInOverHttp(page.request, admin, { userAgent: await userAgentOf(page) });
    await use(admin);
  },
});

/** A second browser, signed in as `user`, for watching what happens to their session. */
async function signedInElsewhere(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signInOverHttp(context.request, user, { userAgent: await userAgentOf(page) });
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return page;
}

async function searchUsers(page: Page, query: string) {
  await page.getByLabel("Search users").fill(query);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(`/admin?${new URLSearchParams({ q: query })}`);
}

function userRow(page: Page, email: string) {
  return page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: email });
}

async function confirmChange(page: Page, button: string, question: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: question });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toHaveCount(0);
}

/** The text of `email`'s cell in the Users table's column headed `header`. */
async function cellOf(page: Page, email: string, header: string): Promise<string | undefined> {
  const table = page.getByRole("table", { name: "Users" });
  const columns = await table.getByRole("columnheader").allTextContents();
  expect(columns).toContain(header);
  const cells = await userRow(page, email).getByRole("cell").allTextContents();
  return cells[columns.indexOf(header)];
}

/** Links a provider identity to the user as lib/linked-accounts/link.ts would, straight in the database. */
async function linkIdentity(userId: string, provider: string, type: "oidc" | "oauth"): Promise<void> {
  // The user's own createdAt as the link's date: a date written the way the database's client writes them.
  await sql(
    `INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId", "createdAt", "lastUsedAt")
     SELECT $1, "id", $2, $3, $4, "createdAt", "createdAt" FROM "User" WHERE "id" = $5`,
    [`e2e-${randomUUID()}`, type, provider, `subject-${randomUUID()}`, userId],
  );
}

function recentActions(page: Page) {
  return page.getByRole("region", { name: "Recent admin actions" }).getByRole("row");
}

test.describe("admin area", () => {
  test.slow("waits for bcrypt: CLI-made users (an admin and the users it acts on) and their sign-ins");
  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL("/login?next=%2Fadmin");
  });

  test("a non-admin gets the 403 page and no Admin link", async ({ page, signedInUser }) => {
    await page.goto("/dashboard");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toContainText(signedInUser.name);
    await expect(nav.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  });

  test("an admin finds the admin area in the navigation", async ({ page, admin }) => {
    await page.goto("/dashboard");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toContainText(admin.name);
    await nav.getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  });

  test("search finds users by part of the email and by name in any case", async ({ page, admin }) => {
    const token = randomUUID().slice(0, 8);
    const byEmail = await createUser({ name: "Edsger Dijkstra", email: uniqueEmail("find-by-email") });
    const byName = await createUser({ name: `Marie Curie ${token}`, email: uniqueEmail("find-by-name") });
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();

    const emailPart = byEmail.email.slice("find-by-email-".length, "find-by-email-".length + 18);
    await searchUsers(page, emailPart);
    await expect(userRow(page, byEmail.email)).toHaveCount(1);
    await expect(userRow(page, byName.email)).toHaveCount(0);
    await expect(userRow(page, admin.email)).toHaveCount(0);

    await searchUsers(page, `CURIE ${token.toUpperCase()}`);
    await expect(userRow(page, byName.email)).toHaveCount(1);
    await expect(userRow(page, byName.email)).toContainText(byName.name);
    await expect(userRow(page, byEmail.email)).toHaveCount(0);
  });

  test("deactivating signs the user out everywhere; reactivating lets them back in", async ({
    page,
    admin,
    browser,
  }) => {
    const target = await createUser({ name: "Deactivated Dan", email: uniqueEmail("deactivate") });
    const first = await signedInElsewhere(browser, target);
    const second = await signedInElsewhere(browser, target);

    await page.goto("/admin");
    await searchUsers(page, target.email);
    await expect(userRow(page, target.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();
    await confirmChange(page, `Deactivate ${target.email}`, `Deactivate ${target.email}? They will be signed out everywhere.`);

    await expect(flash(page)).toContainText(`${target.email} has been deactivated.`);
    await expect(page).toHaveURL(`/admin?${new URLSearchParams({ q: target.email })}`);
    await expect(userRow(page, target.email).getByRole("cell", { name: "No", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: `Reactivate ${target.email}` })).toBeVisible();
    const deactivated = recentActions(page).filter({ hasText: target.email }).filter({ hasText: "Deactivated" });
    await expect(deactivated).toHaveCount(1);
    await expect(deactivated).toContainText(admin.email);

    await first.goto("/dashboard");
    await expect(first).toHaveURL(/\/login\?next=/);

    await confirmChange(page, `Reactivate ${target.email}`, `Reactivate ${target.email}? They will be able to sign in again.`);
    await expect(flash(page)).toContainText(`${target.email} has been reactivated.`);
    await expect(userRow(page, target.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();

    // Its session was revoked, not just refused while the account was inactive.
    await second.goto("/dashboard");
    await expect(second).toHaveURL(/\/login\?next=/);
    // The account itself works again.
    await signInOverHttp(first.context().request, target, { userAgent: await userAgentOf(first) });
    await first.goto("/dashboard");
    await expect(first.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    await first.context().close();
    await second.context().close();
  });

  test("the list names each user's sign-in providers, and deactivating such a user still works", async ({ page, admin }) => {
    const label = `providers-${randomUUID().slice(0, 8)}`;
    const linked = await createUser({ name: "Linked Lee", email: uniqueEmail(`${label}-linked`) });
    const unlinked = await createUser({ name: "Unlinked Una", email: uniqueEmail(`${label}-unlinked`) });
    await linkIdentity(linked.id, "oidc", "oidc");
    await linkIdentity(linked.id, "github", "oauth");

    await page.goto("/admin");
    await searchUsers(page, label);
    await expect(page.getByRole("columnheader", { name: "Sign-in providers" })).toBeVisible();
    await expect(userRow(page, linked.email)).toHaveCount(1);
    // Both links carry the same date; ties go by provider id ("github" before "oidc").
    expect(await cellOf(page, linked.email, "Sign-in providers")).toBe(`GitHub, ${OIDC_NAME}`);
    expect(await cellOf(page, unlinked.email, "Sign-in providers")).toBe("None");

    await confirmChange(page, `Deactivate ${linked.email}`, `Deactivate ${linked.email}? They will be signed out everywhere.`);
    await expect(flash(page)).toContainText(`${linked.email} has been deactivated.`);
    await expect(userRow(page, linked.email).getByRole("cell", { name: "No", exact: true })).toBeVisible();
    await expect(recentActions(page).filter({ hasText: linked.email }).filter({ hasText: "Deactivated" })).toContainText(admin.email);
    expect(await cellOf(page, linked.email, "Active")).toBe("No");
    expect(await cellOf(page, linked.email, "Sign-in providers")).toBe(`GitHub, ${OIDC_NAME}`);
    expect(await cellOf(page, unlinked.email, "Active")).toBe("Yes");
    // Deactivating keeps the links: reactivating gives the account back as it was.
    const links = await sql<{ provider: string }>(`SELECT "provider" FROM "Account" WHERE "userId" = $1 ORDER BY "provider"`, [linked.id]);
    expect(links.map((row) => row.provider)).toEqual(["github", "oidc"]);
  });

  test("Cancel in the confirmation changes nothing", async ({ page, admin }) => {
    const target = await createUser({ name: "Kept Kim", email: uniqueEmail("cancel") });
    await page.goto("/admin");
    await searchUsers(page, target.email);

    await page.getByRole("button", { name: `Deactivate ${target.email}` }).click();
    const dialog = page.getByRole("dialog", { name: `Deactivate ${target.email}? They will be signed out everywhere.` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    await expect(userRow(page, target.email).getByRole("cell", { name: "Yes", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: `Deactivate ${target.email}` })).toBeVisible();
    await expect(recentActions(page).filter({ hasText: admin.email }).filter({ hasText: target.email })).toHaveCount(0);
  });

  test("promoting and demoting change the role and are listed in recent admin actions", async ({ page, admin }) => {
    const target = await createUser({ name: "Promoted Pat", email: uniqueEmail("promote") });
    await page.goto("/admin");
    await searchUsers(page, target.email);

    await confirmChange(
      page,
      `Promote to admin ${target.email}`,
      `Promote ${target.email} to admin? They will be able to manage every account.`,
    );
    await expect(flash(page)).toContainText(`${target.email} has been promoted to admin.`);
    await expect(userRow(page, target.email).getByRole("cell", { name: "Admin", exact: true })).toBeVisible();
    const promoted = recentActions(page).filter({ hasText: target.email }).filter({ hasText: "Promoted to admin" });
    await expect(promoted).toHaveCount(1);
    await expect(promoted).toContainText(admin.email);

    await confirmChange(
      page,
      `Demote to user ${target.email}`,
      `Demote ${target.email} to user? They will lose access to the admin area.`,
    );
    await expect(flash(page)).toContainText(`${target.email} has been demoted to user.`);
    await expect(userRow(page, target.email).getByRole("cell", { name: "User", exact: true })).toBeVisible();
    const demoted = recentActions(page).filter({ hasText: target.email }).filter({ hasText: "Demoted to user" });
    await expect(demoted).toHaveCount(1);
    await expect(demoted).toContainText(admin.email);
  });

  test("the admin cannot deactivate or demote themselves", async ({ page, admin }) => {
    await page.goto("/admin");
    await searchUsers(page, admin.email);
    const row = userRow(page, admin.email);
    await expect(row).toHaveCount(1);
    await expect(row.getByText("You", { exact: true })).toBeVisible();
    await expect(row.getByRole("button")).toHaveCount(0);
  });

  test("a long result list is paginated and keeps the search", async ({ page, admin }) => {
    const label = `paged-${randomUUID().slice(0, 8)}`;
    for (let made = 0; made < 21; made += 1) await createUser({ name: "Paged Person", email: uniqueEmail(label) });
    await page.goto("/admin");
    await searchUsers(page, label);
    const rows = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: label });
    const pagination = page.getByRole("navigation", { name: "Pagination" });

    await expect(pagination).toContainText("Page 1 of 2");
    await expect(rows).toHaveCount(20);
    await expect(userRow(page, admin.email)).toHaveCount(0);
    await expect(pagination.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    await pagination.getByRole("link", { name: "Next page" }).click();

    await expect(page).toHaveURL(`/admin?${new URLSearchParams({ q: label, page: "2" })}`);
    await expect(pagination).toContainText("Page 2 of 2");
    await expect(rows).toHaveCount(1);
    await expect(pagination.getByRole("link", { name: "Next page" })).toHaveCount(0);
    await pagination.getByRole("link", { name: "Previous page" }).click();
    await expect(pagination).toContainText("Page 1 of 2");
  });

  test("a session that is no longer fresh must confirm the password first", async ({ page, context }) => {
    const admin = await createUser({ name: "Stale Sid", email: uniqueEmail("stale-admin"), admin: true });
    await signInOverHttp(page.request, admin, { userAgent: await userAgentOf(page), remember: true });
    // A remembered session in a new browser run (no browser-key cookie) is valid but not fresh.
    const cookies = await context.cookies();
    await context.clearCookies();
    await context.addCookies(cookies.filter((cookie) => cookie.name !== "latchkey-browser"));

    await page.goto("/admin");
    await expect(page).toHaveURL("/reauthenticate?next=%2Fadmin");
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  });
});
