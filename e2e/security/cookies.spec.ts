import { decode, encode } from "next-auth/jwt";
import { test, expect } from "../fixtures";
import { signInWithForm } from "../support/browser";
import { turnOnTwoFactor } from "../support/totp";
import { BROWSER_KEY_COOKIE, DEVICE_COOKIE, SESSION_COOKIE, setCookiesOf, type SetCookie } from "./support";
import { E2E_SECRET, startServer, type SpecServer } from "../support/servers";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { createUser, type TestUser } from "../support/users";
import { APP_PORT } from "../support/mail-settings";
import type { Page, Response } from "@playwright/test";
import { postCredentialsForm } from "../support/credentials";

// The e2e server speaks plain HTTP, so its cookies cannot be Secure: a browser
// would refuse a Secure cookie from an insecure origin. Behind HTTPS
// (X-Forwarded-Proto: https from the proxy, or AUTH_URL=https://…) the session
// token, the browser key and the two-factor half-way cookies are __Host-
// cookies: Secure, no Domain, Path=/, so a sibling subdomain cannot plant one
// (it can plant a __Secure- one), and only those names are read. The last
// tests prove that by sending X-Forwarded-Proto: https, on a server of their
// own that, like one behind a proxy, has no AUTH_URL (the main e2e server's
// http:// AUTH_URL would count too).

function find(cookies: SetCookie[], name: string): SetCookie {
  const cookie = cookies.find((candidate) => candidate.name === name);
  expect(cookie, `Set-Cookie ${name}`).toBeDefined();
  return cookie as SetCookie;
}

function expectHttpOnlyLax(cookie: SetCookie) {
  expect(cookie.attributes.has("httponly"), `${cookie.name} is HttpOnly`).toBe(true);
  expect(cookie.attributes.get("samesite")?.toLowerCase(), `${cookie.name} is SameSite=Lax`).toBe("lax");
  expect(cookie.attributes.get("path"), `${cookie.name} path`).toBe("/");
  expect(cookie.attributes.has("domain"), `${cookie.name} has no Domain (host-only)`).toBe(false);
}

/** A __Host- cookie as browsers require one: Secure, Path=/, no Domain (and ours are HttpOnly, SameSite=Lax). */
function expectHostCookie(cookies: SetCookie[], name: string) {
  expect(name.startsWith("__Host-")).toBe(true);
  const cookie = find(cookies, name);
  expectHttpOnlyLax(cookie);
  expect(cookie.attributes.has("secure"), `${name} is Secure`).toBe(true);
  expect(cookies.map((candidate) => candidate.name)).not.toContain(name.slice("__Host-".length));
}

/** Behind HTTPS: only the __Host- names, never Auth.js's default __Secure- one. */
function expectSecurePrefixedCookies(cookies: SetCookie[]) {
  expect(cookies.map((cookie) => cookie.name)).not.toContain(`__Secure-${SESSION_COOKIE}`);
  for (const name of [`__Host-${SESSION_COOKIE}`, `__Host-${BROWSER_KEY_COOKIE}`, `__Host-${DEVICE_COOKIE}`]) {
    expectHostCookie(cookies, name);
  }
}

/**
 * The answer to the form's post to this page, by `fetch` (a server action)
 * or, when the page is not hydrated yet, by the browser itself: behind this
 * spec's pretend proxy (X-Forwarded-Proto: https to a plain-HTTP server)
 * Next.js cannot render an action's redirect target in its answer, so the
 * browser loads that page in full, and a click can come before React runs.
 * The cookies are the same either way. `sent` picks the post by its body.
 */
function formPost(page: Page, sent = "") {
  const path = new URL(page.url()).pathname;
  return page.waitForResponse(
    (candidate) =>
      candidate.request().method() === "POST" && new URL(candidate.url()).pathname === path && (candidate.request().postData() ?? "").includes(sent),
  );
}

/** Clicks a form's button and returns the answer to its post. */
async function submitAction(page: Page, button: string): Promise<Response> {
  const [response] = await Promise.all([formPost(page), page.getByRole("button", { name: button }).click()]);
  return response;
}

/** Signs in through the form and returns the server action's response. */
async function signInThroughForm(page: Page, email: string, password: string): Promise<Response> {
  await page.goto("/login");
  const [response] = await Promise.all([
    // The sign-in's post, not the prerendered page's request for passkey options.
    formPost(page, email),
    signInWithForm(page, email, password),
  ]);
  return response;
}

test.describe("session cookies", () => {
  test("signing in through the form sets HttpOnly, SameSite=Lax session and browser-key cookies", async ({
    page,
    context,
    user,
  }) => {
    const response = await signInThroughForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");
    const cookies = setCookiesOf(await response.headersArray());
    for (const name of [SESSION_COOKIE, BROWSER_KEY_COOKIE, DEVICE_COOKIE]) expectHttpOnlyLax(find(cookies, name));
    // The device cookie outlives sessions: about 400 days, the most browsers keep.
    expect(find(cookies, DEVICE_COOKIE).attributes.get("max-age")).toBe(String(400 * 24 * 60 * 60));

    const stored = await context.cookies();
    for (const name of [SESSION_COOKIE, BROWSER_KEY_COOKIE, DEVICE_COOKIE]) {
      const cookie = stored.find((candidate) => candidate.name === name);
      expect(cookie, name).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    }
    // Scripts on the page cannot read them.
    const visible = await page.evaluate(() => document.cookie);
    expect(visible).not.toContain(SESSION_COOKIE);
    expect(visible).not.toContain(BROWSER_KEY_COOKIE);
    expect(visible).not.toContain(DEVICE_COOKIE);
  });

  test("the Auth.js credentials callback sets the same kind of cookies", async ({ request, user }) => {
    const response = await postCredentialsForm(request, user);
    expect(response.status()).toBe(302);
    const cookies = setCookiesOf(response.headersArray());
    for (const name of [SESSION_COOKIE, BROWSER_KEY_COOKIE, DEVICE_COOKIE]) expectHttpOnlyLax(find(cookies, name));
  });
});

test.describe("session cookies behind an HTTPS proxy", () => {
  // One server for these tests: both in one worker.
  test.describe.configure({ mode: "serial" });
  const PORT = APP_PORT + 80;
  test.use({ baseURL: `http://localhost:${PORT}` });
  let database: ScratchDatabase;
  let server: SpecServer;
  let user: TestUser;

  test.beforeAll(async () => {
    test.setTimeout(90_000); // a migrated scratch database, a server of its own starting and a CLI-made user
    database = await createScratchDatabase("proxy");
    // No AUTH_URL, hence no SMTP_URL either (production refuses one without the other).
    server = await startServer(PORT, { DATABASE_URL: database.url, AUTH_URL: "", SMTP_URL: "" }, { deployment: "own" });
    user = await createUser({ databaseUrl: database.url });
  });

  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test("behind HTTPS the session and browser-key cookies are __Host- cookies (credentials callback), and a __Secure- token is refused", async ({
    request,
  }) => {
    const https = { "x-forwarded-proto": "https" };
    const response = await postCredentialsForm(request, user, https);
    expect(response.status()).toBe(302);
    expect(response.headers().location ?? "").not.toContain("error=");
    const cookies = setCookiesOf(response.headersArray());
    expectSecurePrefixedCookies(cookies);

    // The token Auth.js wrote is ours to read: the API takes it...
    const session = find(cookies, `__Host-${SESSION_COOKIE}`).value;
    const browserKey = `__Host-${BROWSER_KEY_COOKIE}=${find(cookies, `__Host-${BROWSER_KEY_COOKIE}`).value}`;
    const me = (cookie: string) => request.get("/api/me", { headers: { ...https, cookie: `${cookie}; ${browserKey}` } });
    expect((await me(`__Host-${SESSION_COOKIE}=${session}`)).status()).toBe(200);
    // ...but not the same session as a __Secure- cookie (what Auth.js named it before, and a
    // sibling subdomain could set), though its token is valid for that name.
    const secret = E2E_SECRET;
    const claims = await decode({ token: session, secret, salt: `__Host-${SESSION_COOKIE}` });
    const planted = await encode({ token: claims ?? {}, secret, salt: `__Secure-${SESSION_COOKIE}` });
    expect((await me(`__Secure-${SESSION_COOKIE}=${planted}`)).status()).toBe(401);
    const page = await request.get("/dashboard", { headers: { ...https, cookie: `__Secure-${SESSION_COOKIE}=${planted}; ${browserKey}` }, maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location ?? "").toContain("/login");
  });

  test("behind HTTPS the session and browser-key cookies are __Host- cookies (sign-in form)", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-proto": "https" });
    const response = await signInThroughForm(page, user.email, user.password);
    const cookies = setCookiesOf(await response.headersArray());
    expectSecurePrefixedCookies(cookies);
  });

  test("behind HTTPS the two-factor half-way cookies (sign-in and re-authentication) are __Host- cookies", async ({ page }) => {
    // bcrypt for each password step, and codes from a real authenticator app.
    test.slow();
    const tess = await createUser({ databaseUrl: database.url, name: "Two-Factor Tess" });
    await page.setExtraHTTPHeaders({ "x-forwarded-proto": "https" });
    await signInThroughForm(page, tess.email, tess.password);
    await expect(page).toHaveURL("/dashboard");
    const { app } = await turnOnTwoFactor(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");

    const passwordStep = await signInThroughForm(page, tess.email, tess.password);
    await expect(page).toHaveURL("/login/two-factor");
    expectHostCookie(setCookiesOf(await passwordStep.headersArray()), "__Host-latchkey-2fa-login");
    await page.getByLabel("Authentication code").fill(await app.nextCode());
    const codeStep = await submitAction(page, "Verify");
    await expect(page).toHaveURL("/dashboard");
    expectSecurePrefixedCookies(setCookiesOf(await codeStep.headersArray()));

    await page.goto(`/reauthenticate?next=${encodeURIComponent("/profile")}`);
    await page.getByLabel("Password").fill(tess.password);
    const reauthentication = await submitAction(page, "Confirm");
    await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    expectHostCookie(setCookiesOf(await reauthentication.headersArray()), "__Host-latchkey-2fa-reauth");
    await page.getByLabel("Authentication code").fill(await app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/profile");
  });
});
