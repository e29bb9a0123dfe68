import type { BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import {
  expectSignedOut,
  linkedProviders,
  PROVIDER_BUTTON,
  providerLogin,
  signInAtProvider,
  userByEmail,
} from "./support/federated";
import { APP_PORT } from "./support/mail-settings";
import { OIDC_CLIENT, OIDC_ISSUER, OIDC_NAME, OIDC_PORT } from "./support/oidc-settings";
import { specPort, startServer } from "./support/servers";

// Round trips through the suite's real OpenID Connect provider that must sign
// nobody in: a callback nobody on this site asked for, an ID token for
// another round trip, an answer from another issuer, a provider that is down.

const UNVERIFIABLE = /Signing in with the provider failed: its answer could not be verified/;
const APP_ORIGIN = `http://localhost:${APP_PORT}`;

async function appCookie(context: BrowserContext, suffix: string) {
  const cookie = (await context.cookies(APP_ORIGIN)).find((candidate) => candidate.name.endsWith(suffix));
  expect(cookie, `Auth.js keeps the ${suffix} in a cookie`).toBeDefined();
  return cookie!;
}

async function startAtProvider(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: PROVIDER_BUTTON }).click();
  await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
}

test.describe("Provider answers that sign nobody in", () => {
  test.slow();

  test("a callback while signed in, without a Connect of this session, links nothing", async ({ page, signedInUser }) => {
    const login = providerLogin("stray");
    // Auth.js's own sign-in endpoint, posted from a signed-in page: its callback comes with no Connect pending.
    await page.goto("/dashboard");
    await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const form = document.createElement("form");
      form.method = "post";
      form.action = "/api/auth/signin/oidc";
      const input = Object.assign(document.createElement("input"), { type: "hidden", name: "csrfToken", value: csrfToken });
      form.append(input);
      document.body.append(form);
      form.submit();
    });
    await signInAtProvider(page, login);
    await expect(page).toHaveURL("/profile");
    await expect(page.getByText("You are already signed in. Use Connect on your profile to add a sign-in provider.")).toBeVisible();
    expect(await linkedProviders(signedInUser.id)).toEqual([]);
    expect(await userByEmail(login)).toBeUndefined();
  });

  test("an ID token whose nonce belongs to another round trip signs nobody in", async ({ page }) => {
    const login = providerLogin("wrong-nonce");
    await startAtProvider(page);
    const earlier = await appCookie(page.context(), "authjs.nonce");
    // A second round trip in the same browser; the callback brings its ID token to the first one's nonce.
    await startAtProvider(page);
    const current = await appCookie(page.context(), "authjs.nonce");
    expect(current.value).not.toBe(earlier.value);
    await page.context().addCookies([{ ...current, value: earlier.value }]);
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByText(UNVERIFIABLE)).toBeVisible();
    await expectSignedOut(page);
    expect(await userByEmail(login)).toBeUndefined();
  });

  test("a callback naming another issuer signs nobody in", async ({ page }) => {
    const login = providerLogin("wrong-iss");
    // Whatever sends the browser back (here: the provider's last redirect, rewritten) says another issuer answered.
    // The provider's last redirects are followed here (the browser's own following of them is not routed), and
    // the one back to the app is rewritten.
    const context = page.context();
    let rewritten = 0;
    await context.route(`${OIDC_ISSUER}/**`, async (route) => {
      let response = await route.fetch({ maxRedirects: 0 });
      for (let hops = 0; hops < 5; hops++) {
        const location = response.headers().location;
        if (!location) break;
        const target = new URL(location, OIDC_ISSUER);
        if (target.origin === OIDC_ISSUER) {
          response = await context.request.get(target.toString(), { maxRedirects: 0 });
          continue;
        }
        if (target.pathname !== "/api/auth/callback/oidc") break;
        expect(target.searchParams.get("iss")).toBe(OIDC_ISSUER);
        target.searchParams.set("iss", `http://127.0.0.1:${OIDC_PORT}`);
        rewritten += 1;
        return route.fulfill({ status: 303, headers: { location: target.toString() } });
      }
      await route.fulfill({ response });
    });
    await startAtProvider(page);
    await signInAtProvider(page, login);
    expect(rewritten).toBe(1);
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByText(UNVERIFIABLE)).toBeVisible();
    await expectSignedOut(page);
    expect(await userByEmail(login)).toBeUndefined();
  });

  for (const [offset, what, issuer] of [
    [102, "a provider that is down", "http://localhost:1"],
    [103, "a provider whose discovery document names another issuer", `http://127.0.0.1:${OIDC_PORT}`],
  ] as const) {
    test(`${what}: the sign-in page says so`, async ({ page }) => {
      const server = await startServer(specPort(offset), { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: OIDC_CLIENT.id, AUTH_OIDC_SECRET: OIDC_CLIENT.secret, AUTH_OIDC_NAME: OIDC_NAME });
      try {
        await page.goto(`${server.baseURL}/login`);
        await page.getByRole("button", { name: PROVIDER_BUTTON }).click();
        await expect(page).toHaveURL(/\/login\?error=unreachable/);
        await expect(page.getByText(/The sign-in provider could not be reached, or did not answer as expected/)).toBeVisible();
      } finally {
        await server.stop();
      }
    });
  }
});
