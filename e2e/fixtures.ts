import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { enterCode, passwordStep } from "./support/browser";
import { randomClientIp } from "./support/client-address";
import { postCredentialsForm } from "./support/credentials";
import { createUser, type TestUser } from "./support/users";
import { turnOnTwoFactor, type TestAuthenticator } from "./support/totp";

/**
 * Signs a user in the way a browser form would, but over HTTP: Auth.js's CSRF
 * token, then its credentials callback. Cookies land in the request
 * context, which for `page.request` is the page's browser context.
 */
export async function signInOverHttp(
  request: APIRequestContext,
  user: Pick<TestUser, "email" | "password">,
  options: { userAgent?: string; remember?: boolean } = {},
) {
  // The session is bound to the user agent that signed in (SESSION_PROTECTION).
  const headers = options.userAgent ? { "user-agent": options.userAgent } : undefined;
  const response = await postCredentialsForm(request, { email: user.email, password: user.password, remember: options.remember }, headers);
  expect(response.status(), "credentials callback redirects").toBe(302);
  expect(response.headers().location ?? "", "sign-in succeeded").not.toContain("error=");
}

/** A user with an authenticator app, and the app itself (its secret and a code maker). */
export interface TwoFactorUser extends TestUser {
  app: TestAuthenticator;
  /** The secret as the setup page showed it (base32). */
  secret: string;
  recoveryCodes: string[];
}

/**
 * Signs a two-factor user in through both steps, as a person would: the
 * password form, then a fresh code from their app. Ends on `next` (default
 * the dashboard).
 */
export async function signInWithTwoFactor(page: Page, user: TwoFactorUser, next?: string): Promise<void> {
  await passwordStep(page, user, next ? `/login?${new URLSearchParams({ next })}` : "/login");
  await enterCode(page, await user.app.nextCode());
  await expect(page).toHaveURL(next ?? "/dashboard");
}

interface Fixtures {
  /** A fresh, active user who is not signed in. */
  user: TestUser;
  /** A fresh user, already signed in in `page`'s browser context. */
  signedInUser: TestUser;
  /**
   * A fresh user, signed in in `page`'s browser context, with two-factor
   * authentication turned on through /profile/two-factor (so its code step
   * is used: take further codes from `app.nextCode()`).
   */
  twoFactorUser: TwoFactorUser;
}

export const test = base.extend<Fixtures>({
  // The server under test trusts X-Forwarded-For as if behind a proxy
  // (TRUST_PROXY=true in playwright.config.ts). Each test gets its own client
  // address, so per-address throttling counts never leak between tests.
  // Playwright requires the destructuring pattern even when no fixture is used.
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": randomClientIp() });
  },
  user: async ({}, use) => {
    await use(await createUser());
  },
  signedInUser: async ({ page }, use) => {
    const user = await createUser({ name: "Signed In Sam" });
    await signInOverHttp(page.request, user, { userAgent: await page.evaluate(() => navigator.userAgent) });
    await use(user);
  },
  twoFactorUser: async ({ page }, use) => {
    const user = await createUser({ name: "Two-Factor Tess" });
    await signInOverHttp(page.request, user, { userAgent: await page.evaluate(() => navigator.userAgent) });
    const { app, recoveryCodes } = await turnOnTwoFactor(page);
    await use({ ...user, app, secret: app.secret, recoveryCodes });
  },
});

export { expect, randomClientIp };
