import { test, expect } from "./fixtures";
import { signInWithForm } from "./support/browser";
import { sql } from "./support/database";
import {
  expectSignedOut,
  linkedProviders,
  PROVIDER_BUTTON as BUTTON,
  providerLogin,
  signInAtProvider,
  signInWithProvider,
  userByEmail,
} from "./support/federated";
import { waitForMail } from "./support/mailbox";
import { OIDC_NAME } from "./support/oidc-settings";
import { createUser, setUserActive } from "./support/users";
import { specPort, startServer } from "./support/servers";

// "Sign in with …" through a real OpenID Connect provider (oidc-provider, started
// by e2e/global-setup.ts). The hostile round trips are in federated-checks.spec.ts,
// accounts without a password in federated-password-less.spec.ts.

test.describe("Sign in with an OpenID Connect provider", () => {
  test.slow();

  test("shows the configured provider on /login and /register", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
    await page.goto("/register");
    await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  });

  test("a new person with a verified address gets a confirmed account and Latchkey's own session", async ({ page }) => {
    const login = providerLogin("new");
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");

    const user = await userByEmail(login);
    expect(user?.emailVerified).toBeTruthy();
    expect(user?.passwordHash).toBeNull();
    expect(await linkedProviders(user!.id)).toEqual(["oidc"]);
    const sessions = await sql<{ method: string; remember: unknown }>(
      `SELECT "method", "remember" FROM "LoginSession" WHERE "userId" = $1`,
      [user!.id],
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.method).toBe("oidc");
    expect(Boolean(Number(sessions[0]?.remember) || sessions[0]?.remember === true)).toBe(false);
    // Auth.js kept nothing of its own: no token, no database session.
    const tokens = await sql<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "Account" WHERE "userId" = $1 AND ("access_token" IS NOT NULL OR "id_token" IS NOT NULL OR "refresh_token" IS NOT NULL)`,
      [user!.id],
    );
    expect(Number(tokens[0]?.n)).toBe(0);
    expect(Number((await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM "Session" WHERE "userId" = $1`, [user!.id]))[0]?.n)).toBe(0);
  });

  test("carries Remember me through the round trip", async ({ page }) => {
    const login = providerLogin("remember");
    await signInWithProvider(page, login, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    const user = await userByEmail(login);
    const sessions = await sql<{ remember: unknown }>(`SELECT "remember" FROM "LoginSession" WHERE "userId" = $1`, [user!.id]);
    expect(sessions[0]?.remember === true || Number(sessions[0]?.remember) === 1).toBe(true);
  });

  test("an address the provider does not vouch for stays unconfirmed and gets the confirmation mail", async ({ page }) => {
    const login = providerLogin("unverified", false);
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");
    expect((await userByEmail(login))?.emailVerified).toBeNull();
    await waitForMail(login, "Confirm your email address");
  });

  test("an address already in use is linked only after signing in to that account", async ({ page }) => {
    const owner = await createUser({ name: "Existing Erin" });
    await signInWithProvider(page, owner.email);
    await expect(page).toHaveURL("/login/link");
    await expect(page.getByRole("heading", { name: "An account with this email already exists" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
    // Nothing linked, no session, until the account's own sign-in.
    expect(await linkedProviders(owner.id)).toEqual([]);
    await expectSignedOut(page);

    await signInWithProvider(page, owner.email);
    await expect(page).toHaveURL("/login/link");
    await signInWithForm(page, owner.email, owner.password);
    await expect(page).toHaveURL("/dashboard");
    expect(await linkedProviders(owner.id)).toEqual(["oidc"]);
    await waitForMail(owner.email, `${OIDC_NAME} was connected to your account`);

    // From now on the provider signs in directly.
    await page.context().clearCookies();
    await signInWithProvider(page, owner.email);
    await expect(page).toHaveURL("/dashboard");
  });

  test("signing in to another account does not link the pending identity", async ({ page }) => {
    const owner = await createUser();
    const other = await createUser();
    await signInWithProvider(page, owner.email);
    await expect(page).toHaveURL("/login/link");
    await signInWithForm(page, other.email, other.password);
    await expect(page).toHaveURL("/dashboard");
    expect(await linkedProviders(owner.id)).toEqual([]);
    expect(await linkedProviders(other.id)).toEqual([]);
  });

  test("an account with an authenticator app still gives its code after the provider", async ({ page, twoFactorUser }) => {
    // Three round trips through the provider, two codes and a password.
    test.setTimeout(240_000);
    await page.context().clearCookies();
    // Link first: the address is in use, so sign in the usual way (password and code).
    await signInWithProvider(page, twoFactorUser.email);
    await expect(page).toHaveURL("/login/link");
    await signInWithForm(page, twoFactorUser.email, twoFactorUser.password);
    await expect(page).toHaveURL("/login/two-factor");
    await page.getByLabel("Authentication code").fill(await twoFactorUser.app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/dashboard");
    expect(await linkedProviders(twoFactorUser.id)).toEqual(["oidc"]);

    await page.context().clearCookies();
    await signInWithProvider(page, twoFactorUser.email);
    await expect(page).toHaveURL("/login/two-factor");
    await expect(page.getByText(`You signed in with ${OIDC_NAME}.`)).toBeVisible();
    await expectSignedOut(page);
    await signInWithProvider(page, twoFactorUser.email);
    await expect(page).toHaveURL("/login/two-factor");
    await page.getByLabel("Authentication code").fill(await twoFactorUser.app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/dashboard");
    const methods = await sql<{ method: string }>(`SELECT "method" FROM "LoginSession" WHERE "userId" = $1 ORDER BY "createdAt"`, [
      twoFactorUser.id,
    ]);
    expect(methods.at(-1)?.method).toBe("oidc+totp");
  });

  test("a deactivated account is refused after the provider, with no session", async ({ page }) => {
    const login = providerLogin("deactivated");
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");
    await page.context().clearCookies();
    await setUserActive(login, false);
    await signInWithProvider(page, login);
    await expect(page).toHaveURL(/\/login\?error=inactive/);
    await expect(page.getByText("This account has been deactivated. Contact an administrator.")).toBeVisible();
    await expectSignedOut(page);
  });

  test("cancelling at the provider ends on a clear page, signed out", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: BUTTON }).click();
    await page.getByRole("link", { name: "[ Cancel ]" }).click();
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByText(/Signing in with the provider did not complete/)).toBeVisible();
    await expectSignedOut(page);
  });

  test("a callback whose state does not match this browser's signs nobody in", async ({ page }) => {
    const login = providerLogin("tampered");
    await page.goto("/login");
    await page.getByRole("button", { name: BUTTON }).click();
    await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
    // The state the callback brings back no longer matches the one this browser's cookie holds.
    const appCookies = await page.context().cookies("http://localhost");
    const state = appCookies.find((cookie) => cookie.name.endsWith("authjs.state"));
    expect(state, "Auth.js keeps the state in a cookie").toBeDefined();
    await page.context().addCookies([{ ...state!, value: `${state!.value.slice(0, -4)}AAAA` }]);
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByText(/Signing in with the provider failed/)).toBeVisible();
    await expectSignedOut(page);
    expect(await userByEmail(login)).toBeUndefined();
  });

  test("/login and /register on a server without providers show no provider button", async ({ page }) => {
    const server = await startServer(specPort(101), { AUTH_OIDC_ISSUER: "", AUTH_OIDC_ID: "", AUTH_OIDC_SECRET: "" });
    try {
      await page.goto(`${server.baseURL}/login`);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: BUTTON })).toHaveCount(0);
      await page.goto(`${server.baseURL}/register`);
      await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Sign in with / })).toHaveCount(0);
    } finally {
      await server.stop();
    }
  });

  test("Connect links a new identity to the signed-in account; one linked elsewhere is refused", async ({ page, signedInUser }) => {
    // Three round trips through the provider and two mails.
    test.setTimeout(240_000);
    const elsewhere = providerLogin("elsewhere");
    const other = await page.context().browser()!.newContext();
    const otherPage = await other.newPage();
    await signInWithProvider(otherPage, elsewhere);
    await expect(otherPage).toHaveURL("/dashboard");
    await other.close();

    await page.goto("/profile");
    await page.getByRole("button", { name: `Connect ${OIDC_NAME}` }).click();
    await signInAtProvider(page, elsewhere);
    await expect(page).toHaveURL("/profile");
    await expect(page.getByText(`This ${OIDC_NAME} account is in use elsewhere`)).toBeVisible();
    expect(await linkedProviders(signedInUser.id)).toEqual([]);

    await page.getByRole("button", { name: `Connect ${OIDC_NAME}` }).click();
    await signInAtProvider(page, providerLogin("connected"));
    await expect(page).toHaveURL("/profile");
    await expect(page.getByText(`${OIDC_NAME} was connected to your account.`)).toBeVisible();
    await expect(page.getByRole("list", { name: "Connected accounts" })).toContainText(OIDC_NAME);
    expect(await linkedProviders(signedInUser.id)).toEqual(["oidc"]);
    await waitForMail(signedInUser.email, `${OIDC_NAME} was connected to your account`);

    await page.getByRole("button", { name: `Disconnect ${OIDC_NAME}` }).click();
    await expect(page.getByText(`${OIDC_NAME} was disconnected from your account.`)).toBeVisible();
    expect(await linkedProviders(signedInUser.id)).toEqual([]);
    await waitForMail(signedInUser.email, `${OIDC_NAME} was disconnected from your account`);
  });

  test("the last way to sign in cannot be disconnected; the session is listed and revocable", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const login = providerLogin("only-provider");
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/profile");
    await expect(page.getByRole("list", { name: "Active sessions" })).toContainText(`Signed in with ${OIDC_NAME}`);
    await page.getByRole("button", { name: `Disconnect ${OIDC_NAME}` }).click();
    await expect(page.getByText("Set a password first")).toBeVisible();
    const user = await userByEmail(login);
    expect(await linkedProviders(user!.id)).toEqual(["oidc"]);

    // A second sign-in elsewhere shows up here and can be signed out.
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await signInWithProvider(secondPage, login);
    await expect(secondPage).toHaveURL("/dashboard");
    await page.goto("/profile");
    const signOutOther = page.getByRole("list", { name: "Active sessions" }).getByRole("button", { name: /^Sign out / });
    await expect(signOutOther).toHaveCount(1);
    await signOutOther.click();
    await expect(signOutOther).toHaveCount(0);
    await secondPage.goto("/dashboard");
    await expect(secondPage).not.toHaveURL("/dashboard");
    await second.close();
  });
});
