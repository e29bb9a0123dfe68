import fs from "node:fs";
import { test, expect, signInOverHttp } from "./fixtures";
import { flash, signInWithForm } from "./support/browser";
import { createApiKey } from "./support/account-setup";
import { sql } from "./support/database";
import { MAIL_TIMEOUT_MS, waitForMail } from "./support/mailbox";
import { SMTP_PORT } from "./support/mail-settings";
import { createScratchDatabase, type ScratchDatabase } from "./support/scratch-database";
import { onPostgres, specPort, startServer, type SpecServer } from "./support/servers";
import { createUser, uniqueEmail, type TestUser } from "./support/users";

// "Delete my account" and "Download my data" (lib/users/delete-account.ts,
// lib/users/export-account.ts), from the profile, the admin area and the
// operators' script, on whichever database DATABASE_URL names.

/** Every table of the database, found from its catalogue (so tables added later are searched too). */
async function allTables(url?: string): Promise<string[]> {
  const rows = onPostgres
    ? await sql<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`, [], url)
    : await sql<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`, [], url);
  return rows.map((row) => row.name).filter((name) => name !== "_prisma_migrations");
}

/** "Table: row" for every row, in any table, whose text holds one of `needles`. */
async function rowsNaming(needles: string[], url?: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await allTables(url)) {
    for (const row of await sql(`SELECT * FROM "${table}"`, [], url)) {
      const text = JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value));
      if (needles.some((needle) => text.includes(needle))) found.push(`${table}: ${text}`);
    }
  }
  return found;
}

async function makeStale(userId: string): Promise<void> {
  await sql(`UPDATE "LoginSession" SET "freshAt" = NULL WHERE "userId" = $1`, [userId]);
}

const CONFIRM_LABEL = "Type the account's email address to confirm";

test.describe("deleting an account", () => {
  test.slow(true, "waits for bcrypt (CLI-made users, sign-ins) and for mail");

  test("from the profile: no row names the account, its audit records stay under a pseudonym, goodbye mailed, signed out for good", async ({
    page,
    signedInUser: user,
  }) => {
    // Two mails' waits and a scan of every table, twice, on a loaded machine.
    test.setTimeout(240_000);
    const key = await createApiKey(page, "Deploy bot");
    const ownEvents = await sql<{ id: string }>(`SELECT "id" FROM "AuditEvent" WHERE "actorId" = $1`, [user.id]);
    expect(ownEvents.length).toBeGreaterThanOrEqual(2);

    await page.goto("/profile");
    await page.getByRole("link", { name: "Delete account" }).click();
    await expect(page).toHaveURL("/profile/delete");
    await expect(page.getByRole("heading", { name: "Delete account" })).toBeVisible();

    // A mistyped address deletes nothing and says so at the field.
    await page.getByLabel(CONFIRM_LABEL).fill(`x${user.email}`);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByLabel(CONFIRM_LABEL)).toHaveAccessibleDescription(
      "That is not the account's email address: nothing was deleted.",
    );
    expect(await sql(`SELECT "id" FROM "User" WHERE "id" = $1`, [user.id])).toHaveLength(1);

    await page.getByLabel(CONFIRM_LABEL).fill(user.email.toUpperCase());
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL("/");
    await expect(flash(page)).toHaveText(/Your account was deleted, and you are signed out\./);
    await expect(page.getByRole("main").getByRole("link", { name: "Create account" })).toBeVisible();

    const goodbye = await waitForMail(user.email, "Your account was deleted");
    expect(goodbye.text).toContain("as you asked");
    // Its outbox row goes once sent: then nothing in any table names the account.
    await expect
      .poll(() => rowsNaming([user.id, user.email, key]), { timeout: MAIL_TIMEOUT_MS })
      .toEqual([]);

    const kept = await sql<{ actorId: string | null; actorPseudonym: string | null }>(
      `SELECT "actorId", "actorPseudonym" FROM "AuditEvent" WHERE "id" IN (${ownEvents.map((_, i) => `$${i + 1}`).join(", ")})`,
      ownEvents.map((event) => event.id),
    );
    expect(kept).toHaveLength(ownEvents.length);
    const pseudonym = kept[0]?.actorPseudonym ?? "";
    expect(pseudonym).toMatch(/^deleted-user-[0-9a-f]{16}$/);
    for (const event of kept) expect(event).toEqual({ actorId: null, actorPseudonym: pseudonym });
    const deletion = await sql(`SELECT "action" FROM "AuditEvent" WHERE "action" = 'account.deleted' AND "targetPseudonym" = $1`, [pseudonym]);
    expect(deletion).toHaveLength(1);

    // The session is gone with the account, and the password opens nothing.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
    await signInWithForm(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Invalid email or password\./);
    await expect(page).toHaveURL(/\/login/);
  });

  test("a stale sign-in confirms the password first", async ({ page, signedInUser: user }) => {
    await makeStale(user.id);
    await page.goto("/profile/delete");
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile%2Fdelete");
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/profile/delete");
    await expect(page.getByLabel(CONFIRM_LABEL)).toBeVisible();
  });

  test("an admin deletes a user by typing their address, and it is recorded", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const admin = await createUser({ name: "Admin Ada", email: uniqueEmail("admin"), admin: true });
    const target = await createUser({ name: "Leaving Lee", email: uniqueEmail("leaving") });
    await signInOverHttp(page.request, admin, { userAgent: await page.evaluate(() => navigator.userAgent) });
    // The target is signed in elsewhere; that session ends with the account.
    const elsewhere = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const otherPage = await elsewhere.newPage();
    await signInOverHttp(elsewhere.request, target, { userAgent: await otherPage.evaluate(() => navigator.userAgent) });

    await page.goto(`/admin?${new URLSearchParams({ q: target.email })}`);
    await page.getByRole("link", { name: `Delete ${target.email}` }).click();
    await expect(page).toHaveURL(`/admin/delete?${new URLSearchParams({ user: target.id })}`);
    await page.getByLabel(CONFIRM_LABEL).fill(admin.email);
    await page.getByRole("button", { name: "Delete this user" }).click();
    await expect(page.getByLabel(CONFIRM_LABEL)).toHaveAccessibleDescription(
      "That is not the account's email address: nothing was deleted.",
    );

    await page.getByLabel(CONFIRM_LABEL).fill(target.email);
    await page.getByRole("button", { name: "Delete this user" }).click();
    await expect(page).toHaveURL("/admin");
    await expect(flash(page)).toHaveText(new RegExp(`${target.email.replace(/[.]/g, "\\.")} was deleted`));
    const record = await sql<{ targetPseudonym: string }>(
      `SELECT "targetPseudonym" FROM "AuditEvent" WHERE "action" = 'user.deleted' AND "actorId" = $1`,
      [admin.id],
    );
    expect(record).toHaveLength(1);
    await expect(page.getByRole("region", { name: "Recent admin actions" }).getByRole("row").filter({ hasText: record[0]?.targetPseudonym ?? "-" })).toHaveCount(1);

    const goodbye = await waitForMail(target.email, "Your account was deleted");
    expect(goodbye.text).toContain("by an administrator");
    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/login/);
    await elsewhere.close();
    await expect.poll(() => rowsNaming([target.id, target.email]), { timeout: MAIL_TIMEOUT_MS }).toEqual([]);
  });
});

test.describe("the last active admin", () => {
  test.slow(true, "starts a server of its own, on a database where this admin is the only one");
  const PORT = specPort(50);
  test.use({ baseURL: `http://localhost:${PORT}` });
  let database: ScratchDatabase;
  let server: SpecServer;
  let admin: TestUser;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await createScratchDatabase("last_admin");
    server = await startServer(PORT, { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}` }, { deployment: "own" });
    admin = await createUser({ admin: true, email: uniqueEmail("only-admin"), databaseUrl: database.url });
  });

  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test("cannot delete their own account, and is told why", async ({ page }) => {
    await signInOverHttp(page.request, admin, { userAgent: await page.evaluate(() => navigator.userAgent) });
    await page.goto("/profile/delete");
    await page.getByLabel(CONFIRM_LABEL).fill(admin.email);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/This is the last active admin account: promote another admin first/);
    expect(await sql(`SELECT "id" FROM "User" WHERE "id" = $1`, [admin.id], database.url)).toHaveLength(1);
  });
});

test.describe("downloading my data", () => {
  test.slow(true, "waits for bcrypt, two-factor set-up and mail");

  test("a JSON file of the account without a secret; recorded and mailed", async ({ page, twoFactorUser: user }) => {
    test.setTimeout(240_000);
    const key = await createApiKey(page, "Export bot");
    await page.goto("/profile");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("latchkey-export.json");
    const text = fs.readFileSync((await download.path()) as string, "utf8");
    const data = JSON.parse(text) as {
      profile: { id: string; email: string; name: string };
      sessions: { method: string }[];
      apiKeys: { name: string; createdAt: string }[];
      passkeys: unknown[];
      twoFactor: { authenticatorApp: boolean; recoveryCodesLeft: number };
      connectedAccounts: unknown[];
      auditEvents: { action: string }[];
    };
    expect(data.profile).toMatchObject({ id: user.id, email: user.email });
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.apiKeys).toEqual([expect.objectContaining({ name: "Export bot" })]);
    expect(data.passkeys).toEqual([]);
    expect(data.twoFactor).toMatchObject({ authenticatorApp: true, recoveryCodesLeft: user.recoveryCodes.length });
    expect(data.connectedAccounts).toEqual([]);
    expect(data.auditEvents.map((event) => event.action)).toEqual(expect.arrayContaining(["two_factor.enabled", "api_key.created"]));

    const [secrets] = await sql<{ passwordHash: string; keyHash: string; secretCiphertext: string }>(
      `SELECT u."passwordHash", k."keyHash", t."secretCiphertext" FROM "User" u JOIN "ApiKey" k ON k."userId" = u."id" JOIN "TotpCredential" t ON t."userId" = u."id" WHERE u."id" = $1`,
      [user.id],
    );
    for (const secret of [secrets?.passwordHash, secrets?.keyHash, secrets?.secretCiphertext, key, user.secret, user.password, ...user.recoveryCodes]) {
      expect(secret).toBeTruthy();
      expect(text).not.toContain(secret as string);
    }
    expect(text).not.toMatch(/passwordHash|keyHash|secretCiphertext|codeHash|publicKey|browserKeyHash/);

    await waitForMail(user.email, "Your data was downloaded");
    expect(await sql(`SELECT "id" FROM "AuditEvent" WHERE "action" = 'account.exported' AND "actorId" = $1`, [user.id])).toHaveLength(1);
  });

  test("a stale sign-in confirms the password first", async ({ page, signedInUser: user }) => {
    await makeStale(user.id);
    await page.goto("/profile");
    await page.getByRole("button", { name: "Download my data" }).click();
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
    expect(await sql(`SELECT "id" FROM "AuditEvent" WHERE "action" = 'account.exported' AND "actorId" = $1`, [user.id])).toHaveLength(0);
  });
});
