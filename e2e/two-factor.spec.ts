import fs from "node:fs";
import { basicAuth } from "./support/guesses";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, signInWithTwoFactor } from "./fixtures";
import { enterCode, otherBrowserPage, passwordStep, signInWithForm, signOut, simulateBrowserRestart } from "./support/browser";
import { createUser } from "./support/users";
import { readSetupKey, TestAuthenticator, turnOnTwoFactor } from "./support/totp";
import { waitForMail } from "./support/mailbox";
import { sql } from "./support/database";
import { postCredentialsForm } from "./support/credentials";

const INVALID_CODE = "That code is not valid.";

// Every test signs in with bcrypt, most through a CLI-made user with the factor set up
// (twoFactorUser); a third code within one 30 s step waits for the next step (support/totp.ts).
test.slow("waits for bcrypt sign-ins, CLI-made users and TOTP steps");



async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next.js streams the new <title> in a moment later.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe("two-factor authentication: setup", () => {
  test("the profile links to the setup page, which shows a QR code and the setup key", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    const section = page.getByRole("main");
    await expect(section.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await section.getByRole("link", { name: "Set up two-factor authentication" }).click();
    await expect(page).toHaveURL("/profile/two-factor");

    const qr = page.getByRole("img", { name: /QR code/ });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    const key = await readSetupKey(page);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    // Reloading keeps the key already scanned.
    await page.reload();
    expect(await readSetupKey(page)).toBe(key);
    expect(await qr.getAttribute("alt")).toContain(signedInUser.email);
    await expectNoAxeViolations(page);
  });

  test("a wrong code is refused; the right one turns it on and shows ten recovery codes once", async ({
    page,
    signedInUser,
  }) => {
    await page.goto("/profile/two-factor");
    const app = new TestAuthenticator(await readSetupKey(page));
    await page.getByLabel("Authentication code").fill(app.wrongCode());
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByText(INVALID_CODE)).toBeVisible();
    await expect(page.getByLabel("Authentication code")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Authentication code").fill(await app.nextCode());
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
    const codes = page.getByRole("region", { name: "Recovery codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const shown = await codes.allInnerTexts();
    expect(new Set(shown).size).toBe(10);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download codes" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/recovery-codes\.txt$/);
    const file = fs.readFileSync(await download.path(), "utf8");
    for (const code of shown) expect(file).toContain(code);
    expect(file).toContain(signedInUser.email);

    await page.reload();
    await expect(page.getByText("Two-factor authentication is on", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Recovery codes" })).toHaveCount(0);
    await expect(page.getByRole("main")).not.toContainText(shown[0] as string);
    await expectNoAxeViolations(page);
  });

  test("the setup page needs a fresh login", async ({ page, user }) => {
    // Signed in with "Remember me", then the browser restarted: no longer fresh.
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    await simulateBrowserRestart(page.context());
    await page.goto("/profile/two-factor");
    await expect(page).toHaveURL(/\/reauthenticate\?next=%2Fprofile%2Ftwo-factor/);
  });
});

test.describe("two-factor authentication: signing in", () => {
  test("the right password leads to the code step; only a right code signs in, where `next` said", async ({
    page,
    twoFactorUser,
  }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await passwordStep(page, twoFactorUser, `/login?next=${encodeURIComponent("/profile")}`);
    await expectNoAxeViolations(page);
    await enterCode(page, twoFactorUser.app.wrongCode());
    await expect(page.getByText(INVALID_CODE)).toBeVisible();
    await expect(page).toHaveURL("/login/two-factor");

    await enterCode(page, await twoFactorUser.app.nextCode());
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    // Fresh: the sensitive setup page opens without asking again.
    await page.goto("/profile/two-factor");
    await expect(page.getByText("Two-factor authentication is on", { exact: true })).toBeVisible();
  });

  test("a code once accepted is refused the second time", async ({ page, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await signInWithTwoFactor(page, twoFactorUser);
    await signOut(page);
    // The code just used: the app's last one.
    const code = twoFactorUser.app.lastCode();

    await passwordStep(page, twoFactorUser);
    await enterCode(page, code);
    await expect(page.getByText(INVALID_CODE)).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("of two browsers racing with the same code, exactly one signs in", async ({ page, browser, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    const other = await otherBrowserPage(browser);
    await passwordStep(page, twoFactorUser);
    await passwordStep(other, twoFactorUser);
    const code = await twoFactorUser.app.nextCode();
    await page.getByLabel("Authentication code").fill(code);
    await other.getByLabel("Authentication code").fill(code);
    await Promise.all([
      page.getByRole("button", { name: "Verify" }).click(),
      other.getByRole("button", { name: "Verify" }).click(),
    ]);
    const outcome = async (tab: Page) => {
      await expect(tab.getByRole("heading", { name: "Dashboard" }).or(tab.getByText(INVALID_CODE))).toBeVisible();
      return tab.url().endsWith("/dashboard");
    };
    const signedIn = [await outcome(page), await outcome(other)];
    expect(signedIn.filter(Boolean)).toHaveLength(1);
    await other.context().close();
  });

  test("a recovery code works once, says how many are left, and is refused after", async ({ page, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await passwordStep(page, twoFactorUser);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await expect(page.getByLabel("Authentication code")).toHaveCount(0);
    const [code] = twoFactorUser.recoveryCodes as [string];
    await page.getByLabel("Recovery code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByRole("main").getByRole("status")).toContainText("You have 9 recovery codes left.");
    // Recorded as what it was: a recovery code, not the authenticator app.
    const [session] = await sql<{ method: string }>(
      `SELECT "method" FROM "LoginSession" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [twoFactorUser.id],
    );
    expect(session?.method).toBe("password+recovery-code");
    await page.goto("/profile");
    await expect(page.getByRole("table").getByText("password and recovery code").first()).toBeVisible();
    await signOut(page);

    await passwordStep(page, twoFactorUser);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText("That recovery code is not valid.")).toBeVisible();
    await expect(page).toHaveURL("/login/two-factor");
  });

  test("wrong codes count toward the account's lock; the fifth ends the code step, and then even the right password is refused", async ({
    page,
    twoFactorUser,
  }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await passwordStep(page, twoFactorUser);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await page.goto("/login/two-factor");
      await enterCode(page, twoFactorUser.app.wrongCode());
      await expect(page.getByText(INVALID_CODE)).toBeVisible();
    }
    // The fifth ends the half-way step (e2e/security/lockout-budget.spec.ts) and locks the account.
    await page.goto("/login/two-factor");
    await enterCode(page, twoFactorUser.app.wrongCode());
    await expect(page).toHaveURL("/login");
    await expect(page.getByText("Too many wrong codes. Sign in again.")).toBeVisible();
    // The same account counter as passwords: the password form is locked too.
    await page.goto("/login");
    await signInWithForm(page, twoFactorUser.email, twoFactorUser.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many attempts. Try again in 1 minute.");
  });

  test("the half-way state opens no page and no API, and belongs to its browser", async ({
    page,
    browser,
    twoFactorUser,
  }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await passwordStep(page, twoFactorUser);
    for (const path of ["/dashboard", "/profile", "/profile/two-factor"]) {
      await page.goto(path);
      await expect(page).toHaveURL(`/login?next=${encodeURIComponent(path)}`);
    }
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(401);
    expect(me.headers()["content-type"]).toContain("application/json");
    // No cookie other than the step's own was set by the password step.
    const names = (await page.context().cookies()).map((cookie) => cookie.name);
    expect(names.filter((name) => name.includes("session-token"))).toEqual([]);

    const other = await otherBrowserPage(browser);
    await other.goto("/login/two-factor");
    await expect(other.getByText("There is no sign-in waiting for a code in this browser")).toBeVisible();
    await expect(other.getByLabel("Authentication code")).toHaveCount(0);
    await other.context().close();

    // Single use: once the code step completed, the state is gone.
    await page.goto("/login/two-factor");
    await enterCode(page, await twoFactorUser.app.nextCode());
    await expect(page).toHaveURL("/dashboard");
    await signOut(page);
    await page.goto("/login/two-factor");
    await expect(page.getByText("There is no sign-in waiting for a code in this browser")).toBeVisible();
  });

  test("Auth.js's own credentials endpoint creates no session for a two-factor account", async ({ page, twoFactorUser }) => {
    const request = page.context().request;
    await page.goto("/dashboard");
    await signOut(page);
    const response = await postCredentialsForm(request, twoFactorUser);
    expect(response.headers().location ?? "").toContain("error=");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });
});

test.describe("two-factor authentication: everything around it", () => {
  test("re-authentication asks for the password and then a code", async ({ page, twoFactorUser }) => {
    await page.goto(`/reauthenticate?next=${encodeURIComponent("/profile")}`);
    await page.getByLabel("Password").fill(twoFactorUser.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Authentication code").fill(twoFactorUser.app.wrongCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText(INVALID_CODE)).toBeVisible();
    await page.getByLabel("Authentication code").fill(await twoFactorUser.app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("main").getByRole("status")).toContainText("Identity confirmed.");
  });

  test("new recovery codes replace the old ones", async ({ page, twoFactorUser }) => {
    await page.goto("/profile/two-factor");
    await page.getByRole("button", { name: "Generate new recovery codes" }).click();
    const fresh = page.getByRole("region", { name: "Recovery codes" }).getByRole("listitem");
    await expect(fresh).toHaveCount(10);
    const [newCode] = (await fresh.allInnerTexts()) as [string];
    await page.goto("/dashboard");
    await signOut(page);

    await passwordStep(page, twoFactorUser);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(twoFactorUser.recoveryCodes[0] as string);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText("That recovery code is not valid.")).toBeVisible();
    await page.getByLabel("Recovery code").fill(newCode);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/dashboard");
  });

  test("turning it off needs a current code; then the password alone signs in", async ({ page, twoFactorUser }) => {
    await page.goto("/profile/two-factor");
    const field = page.getByLabel("Authentication or recovery code");
    await field.fill(twoFactorUser.app.wrongCode());
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(page.getByText(INVALID_CODE)).toBeVisible();
    await field.fill(await twoFactorUser.app.nextCode());
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Two-factor authentication is off.");
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();

    await page.goto("/dashboard");
    await signOut(page);
    await signInWithForm(page, twoFactorUser.email, twoFactorUser.password);
    await expect(page).toHaveURL("/dashboard");
  });

  test("the API: Basic auth is refused with a pointer to API keys; /api/me reports the factors", async ({
    page,
    twoFactorUser,
  }) => {
    const response = await page.request.get("/api/me", { headers: basicAuth(twoFactorUser.email, twoFactorUser.password) });
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain("two-factor");
    expect(body.error).toContain("API key");
    // A wrong password still gets the ordinary answer: the two-factor one tells only the password's owner.
    const wrong = await page.request.get("/api/me", { headers: basicAuth(twoFactorUser.email, "not the password") });
    expect(((await wrong.json()) as { error: string }).error).not.toContain("two-factor");

    const me = await page.request.get("/api/me");
    expect(((await me.json()) as { twoFactor: unknown }).twoFactor).toEqual({ totp: true, passkeys: 0 });
  });

  test("every change and every code is in the security activity", async ({ page, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await passwordStep(page, twoFactorUser);
    await enterCode(page, twoFactorUser.app.wrongCode());
    await expect(page.getByText(INVALID_CODE)).toBeVisible();
    await enterCode(page, await twoFactorUser.app.nextCode());
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/profile");
    const activity = page.getByRole("main");
    await expect(activity).toContainText("Two-factor authentication turned on");
    await expect(activity).toContainText("Second factor refused");
    await expect(activity).toContainText("Second factor accepted");
  });
});

test.describe("two-factor authentication: admins", () => {
  test("an admin turns it off for a user who lost their phone, confirmed and recorded", async ({ page, browser }) => {
    const target = await createUser({ name: "Lost Phone Lou" });
    const targetPage = await otherBrowserPage(browser);
    await targetPage.goto("/login");
    await signInWithForm(targetPage, target.email, target.password);
    await expect(targetPage).toHaveURL("/dashboard");
    await turnOnTwoFactor(targetPage);
    await targetPage.context().close();

    const admin = await createUser({ name: "Admin Ada", admin: true });
    await page.goto("/login");
    await signInWithForm(page, admin.email, admin.password);
    await expect(page).toHaveURL("/dashboard");
    await page.goto(`/admin?${new URLSearchParams({ q: target.email })}`);
    const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: target.email });
    await expect(row.getByRole("cell", { name: "On", exact: true })).toBeVisible();
    await page.getByRole("button", { name: `Turn off two-factor ${target.email}` }).click();
    const dialog = page.getByRole("dialog", { name: /Turn off two-factor authentication for/ });
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(
      `Two-factor authentication is off for ${target.email}.`,
    );
    await expect(row.getByRole("cell", { name: "Off", exact: true })).toBeVisible();
    const recent = page.getByRole("region", { name: "Recent admin actions" }).getByRole("row").filter({ hasText: target.email });
    await expect(recent.filter({ hasText: "Two-factor authentication turned off by an admin" })).toHaveCount(1);
    const notice = await waitForMail(target.email, "An administrator turned off your two-factor authentication");
    expect(notice.text).toContain(`Hello ${target.name},`);

    const again = await otherBrowserPage(browser);
    await again.goto("/login");
    await signInWithForm(again, target.email, target.password);
    await expect(again).toHaveURL("/dashboard");
    await again.context().close();
  });
});
