import { test, expect } from "./fixtures";
import { otherBrowser, signInWithForm } from "./support/browser";
import { basicAuth } from "./support/guesses";
import {
  linkedProviders,
  makeSessionsStale,
  PROVIDER_BUTTON,
  providerLogin,
  signInAtProvider,
  signInWithProvider,
  userByEmail,
} from "./support/federated";
import { OIDC_ISSUER, OIDC_NAME } from "./support/oidc-settings";
import { createUser } from "./support/users";

// The rules a provider sign-in keeps with the rest of the app: the CSP lets its
// form leave without JavaScript, a password lockout is the password's alone, an
// identity without an address gets a clear page, and Connect needs a recent
// sign-in and asks the provider for a fresh login.

const ACCOUNT_LIMIT = 5;

test.describe("A provider sign-in and the app's other rules", () => {
  test.slow();

  test("works without JavaScript: the CSP's form-action allows the provider", async ({ browser, baseURL }) => {
    const login = providerLogin("no-javascript");
    const context = await otherBrowser(browser, { baseURL, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const response = await page.goto("/login");
      expect(response?.headers()["content-security-policy"]).toContain(`form-action 'self' ${OIDC_ISSUER}`);
      await page.getByRole("button", { name: PROVIDER_BUTTON }).click();
      await signInAtProvider(page, login);
      await expect(page).toHaveURL("/dashboard");
      expect(await linkedProviders((await userByEmail(login))!.id)).toEqual(["oidc"]);
    } finally {
      await context.close();
    }
  });

  test("a password lockout does not block the provider linked to the account", async ({ page, request }) => {
    const owner = await createUser();
    await signInWithProvider(page, owner.email);
    await expect(page).toHaveURL("/login/link");
    await signInWithForm(page, owner.email, owner.password);
    await expect(page).toHaveURL("/dashboard");
    await page.context().clearCookies();

    for (let guess = 0; guess < ACCOUNT_LIMIT; guess++) {
      expect((await request.get("/api/me", { headers: basicAuth(owner.email, `wrong guess ${guess}`) })).status()).toBe(401);
    }
    expect((await request.get("/api/me", { headers: basicAuth(owner.email, owner.password) })).status()).toBe(429);
    // The provider proved the person: the lock on guessing the password does not apply to it.
    await signInWithProvider(page, owner.email);
    await expect(page).toHaveURL("/dashboard");
  });

  test("an identity without an email address ends on a clear page, with no account", async ({ page }) => {
    const login = `noemail-${providerLogin("identity")}`;
    await signInWithProvider(page, login);
    await expect(page).toHaveURL(/\/login\?error=no_email/);
    await expect(page.getByText("The sign-in provider did not give a usable email address")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("Connect needs a recent sign-in and asks the provider for a fresh login", async ({ page, signedInUser }) => {
    await makeSessionsStale(signedInUser.id);
    await page.goto("/profile");
    await page.getByRole("button", { name: `Connect ${OIDC_NAME}` }).click();
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
    await page.getByLabel("Password").fill(signedInUser.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/profile");

    const authorization = page.waitForRequest((request) => request.url().startsWith(`${OIDC_ISSUER}/auth?`));
    await page.getByRole("button", { name: `Connect ${OIDC_NAME}` }).click();
    expect(new URL((await authorization).url()).searchParams.get("prompt")).toBe("login");
    await signInAtProvider(page, providerLogin("connected-fresh"));
    await expect(page.getByText(`${OIDC_NAME} was connected to your account.`)).toBeVisible();
    expect(await linkedProviders(signedInUser.id)).toEqual(["oidc"]);
  });
});
