import type { BrowserContext } from "@playwright/test";
import { test, expect, randomClientIp, signInOverHttp, signInWithTwoFactor } from "../fixtures";
import { otherBrowser, registerWithForm, signInWithForm } from "../support/browser";
import { createUser, DEFAULT_PASSWORD, uniqueEmail, type TestUser } from "../support/users";
import { linkIn, waitForMail } from "../support/mailbox";
import { sql } from "../support/database";
import { createApiKey, ORIGIN } from "../support/account-setup";
import { specPort, startServer, type SpecServer } from "../support/servers";

// New-sign-in alerts (lib/sign-in-alerts/): a browser is known by its signed
// device cookie; a browser sign-in from one the account has not seen mails
// the owner, except for the account's very first device. The mail is queued
// in the sign-in's own request, so "no mail" is checked in the outbox at once.

const SUBJECT = "New sign-in to your account";
const FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const REPORTED = "Everyone was signed out of your account. Now choose a new password";

async function alertRows(email: string): Promise<number> {
  return (await sql(`SELECT "id" FROM "OutboxMail" WHERE "to" = $1 AND "template" = 'new_sign_in'`, [email])).length;
}

async function knownDevices(userId: string): Promise<number> {
  return (await sql(`SELECT "id" FROM "KnownDevice" WHERE "userId" = $1`, [userId])).length;
}

async function signInInBrowser(context: BrowserContext, user: Pick<TestUser, "email" | "password">) {
  const page = await context.newPage();
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL("/dashboard");
  return page;
}

test.describe("new-sign-in alerts", () => {
  test.slow("sign-ins (bcrypt) in several browsers and a mail through the outbox");

  test("the first browser and the same browser again mail nothing; a second browser mails the owner, whose link signs everyone out and leads to the reset form", async ({
    page,
    browser,
    baseURL,
  }) => {
    // Five password sign-ins and a reset (bcrypt each), three browsers and a mail: more than test.slow() on a busy machine.
    test.setTimeout(240_000);
    const user = await createUser({ name: "Alert Alice" });

    // The account's first browser (made with user:create, no device yet): recorded silently.
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");
    expect(await alertRows(user.email)).toBe(0);
    expect(await knownDevices(user.id)).toBe(1);
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "latchkey-device");
    expect(cookie, "the device cookie").toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.value).toMatch(/^v1\.[\w-]{43}\.[\w-]{43}$/);
    const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(399);
    expect(days).toBeLessThanOrEqual(400);

    // The same browser again, after signing out: known, nothing mailed.
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");
    expect(await alertRows(user.email)).toBe(0);
    expect(await knownDevices(user.id)).toBe(1);

    // Another browser: a new device, and the owner is mailed.
    const laptopIp = randomClientIp();
    const laptop = await browser.newContext({ baseURL, userAgent: FIREFOX_ON_LINUX, extraHTTPHeaders: { "x-forwarded-for": laptopIp } });
    const laptopPage = await signInInBrowser(laptop, user);
    expect(await alertRows(user.email)).toBe(1);
    expect(await knownDevices(user.id)).toBe(2);
    const mail = await waitForMail(user.email, SUBJECT);
    expect(mail.text).toContain("Hello Alert Alice,");
    expect(mail.text).toContain("signed in to from a browser that has not signed in to it before");
    expect(mail.text).toMatch(/When: \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(mail.text).toContain("Browser: Firefox on Linux");
    expect(mail.text).toContain(`Address: ${laptopIp}`);
    expect(mail.text).toContain("With: password");
    const link = linkIn(mail, "/new-sign-in?token=", ORIGIN);

    // Opening the link (as a mail scanner would, twice) changes nothing, is not cached, refers no token.
    for (let open = 1; open <= 2; open++) {
      const response = await page.request.get(link);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toMatch(/(^|,\s*)no-store(\s*,|$)/);
      expect(response.headers()["referrer-policy"]).toBe("strict-origin");
    }
    for (const signedIn of [page, laptopPage]) {
      await signedIn.goto("/dashboard");
      await expect(signedIn).toHaveURL("/dashboard");
    }
    expect(await knownDevices(user.id)).toBe(2);

    // The owner opens it on a phone without JavaScript: one button, a plain form post.
    const phone = await otherBrowser(browser, { baseURL, javaScriptEnabled: false });
    const phonePage = await phone.newPage();
    await phonePage.goto(link);
    await expect(phonePage.getByRole("heading", { name: "This wasn't me" })).toBeVisible();
    await expect(phonePage.getByRole("main")).toContainText(`Firefox on Linux, ${laptopIp}`);
    await expect(phonePage.getByRole("main").getByRole("button")).toHaveCount(1);
    await phonePage.getByRole("button", { name: "Sign everyone out and reset my password" }).click();
    await expect(phonePage).toHaveURL(/\/reset-password\?token=[\w-]{43}$/);
    await expect(phonePage.getByRole("alert").filter({ hasText: REPORTED })).toBeVisible();

    // Every session is gone, the reported device is forgotten, and it is on record.
    for (const signedOut of [page, laptopPage]) {
      await signedOut.goto("/dashboard");
      await expect(signedOut).toHaveURL(/\/login/);
    }
    expect(await knownDevices(user.id)).toBe(1);
    const [event] = await sql<{ detail: string }>(
      `SELECT "detail" FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'sign_in.reported'`,
      [user.id],
    );
    expect(event?.detail).toContain("2 sessions signed out; the device was forgotten");

    // The form sets the new password; the old one no longer signs in.
    const newPassword = "a fresh passphrase nobody else knows";
    await phonePage.getByLabel("New password", { exact: true }).fill(newPassword);
    await phonePage.getByLabel("Confirm new password").fill(newPassword);
    await phonePage.getByRole("button", { name: "Set new password" }).click();
    await expect(phonePage).toHaveURL("/login");
    await laptopPage.goto("/login");
    await signInWithForm(laptopPage, user.email, DEFAULT_PASSWORD);
    await expect(laptopPage.getByRole("main").getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
    await expect(laptopPage).toHaveURL(/\/login/);

    // The link worked once.
    await phonePage.goto(link);
    await expect(phonePage.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has expired");
    await expect(phonePage.getByRole("button", { name: "Sign everyone out and reset my password" })).toHaveCount(0);
    await laptop.close();
    await phone.close();
  });

  test("the first sign-in after registration mails nothing, nor do Basic auth and API keys", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("registered");
    await registerWithForm(page, { name: "Registered Rita", email, password: DEFAULT_PASSWORD });
    await expect(page).toHaveURL("/dashboard");
    const [row] = await sql<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [email]);
    const userId = row?.id ?? "";
    expect(await knownDevices(userId)).toBe(1);
    expect(await alertRows(email)).toBe(0);

    // Basic auth and an API key from a client with no cookies: no device, no session, no mail.
    await sql(`UPDATE "User" SET "emailVerified" = "createdAt" WHERE "email" = $1`, [email]);
    const key = await createApiKey(page, "alerts spec");
    const client = await otherBrowser(browser, { baseURL });
    const basic = `Basic ${Buffer.from(`${email}:${DEFAULT_PASSWORD}`).toString("base64")}`;
    expect((await client.request.get("/api/me", { headers: { authorization: basic } })).status()).toBe(200);
    expect((await client.request.get("/api/me", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);
    expect(await knownDevices(userId)).toBe(1);
    expect(await alertRows(email)).toBe(0);
    expect((await client.cookies()).map((cookie) => cookie.name)).not.toContain("latchkey-device");
    await client.close();
  });

  test("a sign-in with password and authenticator code from a second browser mails too", async ({ twoFactorUser, browser, baseURL }) => {
    // The fixture signed in `page` (the account's first device) and turned two-factor on.
    expect(await knownDevices(twoFactorUser.id)).toBe(1);
    const laptop = await otherBrowser(browser, { baseURL });
    await signInWithTwoFactor(await laptop.newPage(), twoFactorUser);
    expect(await alertRows(twoFactorUser.email)).toBe(1);
    const mail = await waitForMail(twoFactorUser.email, SUBJECT);
    expect(mail.text).toContain("With: password and second factor");
    await laptop.close();
  });

  test("one browser can be known to several accounts", async ({ page }) => {
    const [first, second] = [await createUser(), await createUser()];
    const userAgent = await page.evaluate(() => navigator.userAgent);
    await signInOverHttp(page.request, first, { userAgent });
    await signInOverHttp(page.request, second, { userAgent });
    // The second account's first device is this browser: silent, and the cookie stays the same.
    const cookieBefore = (await page.context().cookies()).find((cookie) => cookie.name === "latchkey-device")?.value;
    await signInOverHttp(page.request, first, { userAgent });
    const cookieAfter = (await page.context().cookies()).find((cookie) => cookie.name === "latchkey-device")?.value;
    expect(cookieAfter).toBe(cookieBefore);
    expect(await knownDevices(first.id)).toBe(1);
    expect(await knownDevices(second.id)).toBe(1);
    expect(await alertRows(first.email)).toBe(0);
    expect(await alertRows(second.email)).toBe(0);
  });
});

test.describe("NEW_SIGN_IN_ALERTS=false", () => {
  let server: SpecServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000); // a server of its own starting
    server = await startServer(specPort(40), { NEW_SIGN_IN_ALERTS: "false" });
  });

  test.afterAll(async () => {
    if (server) await server.stop();
  });

  test("a second browser is recorded but mails nothing", async ({ browser }) => {
    test.slow(); // two sign-ins (bcrypt) against a second server
    const user = await createUser();
    for (const userAgent of [FIREFOX_ON_LINUX, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36"]) {
      const context = await otherBrowser(browser, { baseURL: server.baseURL, userAgent });
      await signInOverHttp(context.request, user, { userAgent });
      await context.close();
    }
    expect(await knownDevices(user.id)).toBe(2);
    expect(await alertRows(user.email)).toBe(0);
    const [event] = await sql<{ detail: string }>(
      `SELECT "detail" FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'sign_in.new_device'`,
      [user.id],
    );
    expect(event?.detail).toBe("Chrome on Windows; not mailed (NEW_SIGN_IN_ALERTS=false)");
  });
});
