import { test, expect, signInOverHttp } from "./fixtures";
import { signInWithForm, simulateBrowserRestart } from "./support/browser";
import { DEFAULT_PASSWORD } from "./support/users";
import type { Browser, BrowserContext, Page } from "@playwright/test";

const SESSION_COOKIE = "authjs.session-token";
const EXPIRED_MESSAGE = "Your session has expired, please sign in again.";

// Every test signs a CLI-made user in on two browsers or twice, some change the password: bcrypt each time.
test.slow("waits for bcrypt: CLI-made users, two or more sign-ins, password changes");

/** A second device: its own browser context, signed in as the same user. */
async function secondDevice(browser: Browser, user: { email: string; password: string }, userAgent?: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, userAgent });
  const page = await context.newPage();
  await signInOverHttp(context.request, user, { userAgent: await page.evaluate(() => navigator.userAgent) });
  return { context, page };
}

async function expectSignedOut(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

test.describe("revocation", () => {
  test("a session cookie replayed after sign-out opens nothing", async ({ page, context, browser, signedInUser }) => {
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    const stolen = await context.cookies();
    const userAgent = await page.evaluate(() => navigator.userAgent);

    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");

    // The copied cookies, replayed from another browser with the same user agent.
    const replay = await browser.newContext({ baseURL: test.info().project.use.baseURL, userAgent });
    await replay.addCookies(stolen);
    const replayPage = await replay.newPage();
    await replayPage.goto("/dashboard");
    await expect(replayPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
    await expect(replayPage.getByText(signedInUser.email)).toHaveCount(0);
    await replayPage.goto("/profile");
    await expect(replayPage).toHaveURL(/\/login\?next=%2Fprofile$/);
    await replay.close();
  });

  test("changing the password signs out every other session", async ({ page, browser, signedInUser }) => {
    const other = await secondDevice(browser, signedInUser);
    await other.page.goto("/dashboard");
    await expect(other.page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    await page.goto("/profile");
    await page.getByLabel("Current password").fill(signedInUser.password);
    await page.getByLabel("New password", { exact: true }).fill("an entirely new passphrase");
    await page.getByLabel("Confirm new password").fill("an entirely new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Your password has been changed.");

    await expectSignedOut(other.page);
    await expect(other.page.getByRole("main").getByRole("alert")).toHaveText(new RegExp(EXPIRED_MESSAGE));
    // Shown once only.
    await other.page.reload();
    await expect(other.page.getByText(EXPIRED_MESSAGE)).toHaveCount(0);

    // This device stays signed in.
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await other.context.close();
  });

  test("the profile lists sessions and signs out one or all of the others", async ({ page, browser, signedInUser }) => {
    const laptop = await secondDevice(browser, signedInUser);
    const phone = await secondDevice(browser, signedInUser);

    await page.goto("/profile");
    const sessions = page.getByRole("list", { name: "Active sessions" });
    await expect(sessions.getByRole("listitem")).toHaveCount(3);
    await expect(sessions.getByRole("listitem").filter({ hasText: "This device" })).toHaveCount(1);
    await expect(sessions).toContainText(/Chrome on /);

    await sessions.getByRole("button", { name: /^Sign out / }).first().click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/That session has been signed out\./);
    await expect(sessions.getByRole("listitem")).toHaveCount(2);

    await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/Signed out of 1 other session\./);
    await expect(sessions.getByRole("listitem")).toHaveCount(1);

    await expectSignedOut(laptop.page);
    await expectSignedOut(phone.page);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await laptop.context.close();
    await phone.context.close();
  });
});

test.describe("session protection (strong)", () => {
  test("a cookie replayed from a different user agent is signed out", async ({ page, context, browser, signedInUser }) => {
    await page.goto("/dashboard");
    const cookies = await context.cookies();

    const thief = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0",
    });
    await thief.addCookies(cookies);
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/dashboard");
    await expect(thiefPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
    await expect(thiefPage.getByText(signedInUser.email)).toHaveCount(0);
    await thief.close();

    // The rightful browser is unaffected.
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
  });
});

test.describe("remember me", () => {
  test("without it, the session ends with the browser", async ({ page, context, user }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");
    const cookie = await sessionCookie(context);
    expect(cookie?.expires, "session cookie has no expiry date").toBe(-1);

    await simulateBrowserRestart(context);
    await expectSignedOut(page);
  });

  test("with it, the session survives a restart for REMEMBER_ME_DAYS but is no longer fresh", async ({
    page,
    context,
    user,
  }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    const cookie = await sessionCookie(context);
    const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    await simulateBrowserRestart(context);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    // Restored, not fresh: changing the password asks for it again first.
    await page.goto("/profile");
    await expect(page.getByLabel("Current password")).toHaveCount(0);
    await page.getByRole("link", { name: "Confirm your password" }).first().click();
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");

    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("That password is not correct.");
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");

    await page.getByLabel("Password").fill(DEFAULT_PASSWORD);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/Password confirmed\./);
    await expect(page.getByLabel("Current password")).toBeVisible();
  });
});

test.describe("fresh login", () => {
  test("changing the password from a stale session is sent to re-authenticate", async ({ page, context, user }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/profile");
    await expect(page.getByLabel("Current password")).toBeVisible();

    // The session goes stale while the form is open (a restart drops the browser key).
    await simulateBrowserRestart(context);
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("another new passphrase");
    await page.getByLabel("Confirm new password").fill("another new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
  });
});
