import { test, expect } from "../fixtures";
import { signInWithForm } from "../support/browser";
import { BROWSER_KEY_COOKIE, SESSION_COOKIE, setCookiesOf, type SetCookie } from "./support";
import { startAppServer, type AppServer } from "../support/app-server";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { createUser, type TestUser } from "../support/users";
import { APP_PORT } from "../support/mail-settings";
import type { Page, Response } from "@playwright/test";

// The e2e server speaks plain HTTP, so its cookies cannot be Secure: a browser
// would refuse a Secure cookie from an insecure origin. Behind HTTPS (a
// request that arrives as https, or X-Forwarded-Proto: https from the proxy,
// or AUTH_URL=https://…) Auth.js names its cookies __Secure-… and the browser
// key becomes __Host-latchkey-browser, all Secure. The last tests prove that
// by sending X-Forwarded-Proto: https to both ways of signing in, on a server
// of their own that, like one behind a proxy, has no AUTH_URL (the main e2e
// server's http:// AUTH_URL would decide instead of the header).

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

/** Behind HTTPS: only the prefixed names, and both cookies Secure. */
function expectSecurePrefixedCookies(cookies: SetCookie[]) {
  const names = cookies.map((cookie) => cookie.name);
  expect(names).not.toContain(SESSION_COOKIE);
  expect(names).not.toContain(BROWSER_KEY_COOKIE);
  for (const name of [`__Secure-${SESSION_COOKIE}`, `__Host-${BROWSER_KEY_COOKIE}`]) {
    const cookie = find(cookies, name);
    expectHttpOnlyLax(cookie);
    expect(cookie.attributes.has("secure"), `${name} is Secure`).toBe(true);
  }
}

/** Signs in through the form and returns the server action's response. */
async function signInThroughForm(page: Page, email: string, password: string): Promise<Response> {
  await page.goto("/login");
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().headers()["next-action"] !== undefined),
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
    for (const name of [SESSION_COOKIE, BROWSER_KEY_COOKIE]) expectHttpOnlyLax(find(cookies, name));

    const stored = await context.cookies();
    for (const name of [SESSION_COOKIE, BROWSER_KEY_COOKIE]) {
      const cookie = stored.find((candidate) => candidate.name === name);
      expect(cookie, name).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    }
    // Scripts on the page cannot read them.
    const visible = await page.evaluate(() => document.cookie);
    expect(visible).not.toContain(SESSION_COOKIE);
    expect(visible).not.toContain(BROWSER_KEY_COOKIE);
  });

  test("the Auth.js credentials callback sets the same kind of cookies", async ({ request, user }) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: user.password },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    const cookies = setCookiesOf(response.headersArray());
    for (const name of [SESSION_COOKIE, BROWSER_KEY_COOKIE]) expectHttpOnlyLax(find(cookies, name));
  });
});

test.describe("session cookies behind an HTTPS proxy", () => {
  // One server for these tests: both in one worker.
  test.describe.configure({ mode: "serial" });
  const PORT = APP_PORT + 80;
  test.use({ baseURL: `http://localhost:${PORT}` });
  let database: ScratchDatabase;
  let server: AppServer;
  let user: TestUser;

  test.beforeAll(async () => {
    test.setTimeout(90_000); // a migrated scratch database, a server of its own starting and a CLI-made user
    database = await createScratchDatabase("proxy");
    // No AUTH_URL, hence no SMTP_URL either (production refuses one without the other).
    server = await startAppServer(PORT, { DATABASE_URL: database.url, AUTH_URL: "", SMTP_URL: "" });
    user = await createUser({ databaseUrl: database.url });
  });

  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test("behind HTTPS the cookies are Secure with __Secure- and __Host- prefixes (credentials callback)", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers: https })).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: user.password },
      headers: https,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location ?? "").not.toContain("error=");
    const cookies = setCookiesOf(response.headersArray());
    expectSecurePrefixedCookies(cookies);
  });

  test("behind HTTPS the cookies are Secure with __Secure- and __Host- prefixes (sign-in form)", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-proto": "https" });
    const response = await signInThroughForm(page, user.email, user.password);
    const cookies = setCookiesOf(await response.headersArray());
    expectSecurePrefixedCookies(cookies);
  });
});
