import { test, expect } from "../fixtures";
import { signInWithForm, simulateBrowserRestart } from "../support/browser";
import { SESSION_COOKIE, rawGet, setCookiesOf } from "./support";
import type { APIResponse, BrowserContext } from "@playwright/test";

// Auth.js's own /api/auth/session trusted the token alone: after sign-out a
// copied cookie still got the user back, with a fresh 30-day cookie, and every
// call turned a browser-run cookie into a persistent one. It now answers from
// the session registry, in Auth.js's shape, and never sets a cookie.

async function sessionCookieOf(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

function expectNoCookieSet(response: APIResponse, label: string): void {
  expect(setCookiesOf(response.headersArray()).map((cookie) => cookie.name), label).toEqual([]);
}

test.describe("Auth.js's session endpoint", () => {
  test("signed in: the user's public fields and the session's expiry, and no cookie set", async ({ page, signedInUser }) => {
    const response = await page.request.get("/api/auth/session");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    expectNoCookieSet(response, "GET");
    const body = (await response.json()) as { user: Record<string, unknown>; expires: string };
    expect(body.user).toEqual({ id: expect.any(String), name: signedInUser.name, email: signedInUser.email, role: "USER" });
    expect(Date.parse(body.expires)).toBeGreaterThan(Date.now());

    // Auth.js's POST (its session update) gets the same answer, and extends nothing either.
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const update = await page.request.post("/api/auth/session", { data: { csrfToken, data: { name: "Changed" } } });
    expect(update.status()).toBe(200);
    expectNoCookieSet(update, "POST");
    expect(((await update.json()) as { user: { name: string } }).user.name).toBe(signedInUser.name);
  });

  test("a cookie copied before sign-out is answered as signed out, with no cookie set", async ({
    page,
    context,
    browser,
    baseURL,
    signedInUser,
  }) => {
    const copied = await context.cookies();
    const userAgent = await page.evaluate(() => navigator.userAgent);
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");

    const thief = await browser.newContext({ baseURL, userAgent });
    await thief.addCookies(copied);
    for (const method of ["GET", "POST"] as const) {
      const response = await thief.request.fetch("/api/auth/session", { method });
      expect(response.status(), method).toBe(200);
      expect(await response.json(), method).toBeNull();
      expectNoCookieSet(response, method);
    }
    // The same path as Auth.js reads it, with a doubled slash.
    const doubled = await rawGet(baseURL ?? "", "/api/auth//session", {
      cookie: copied.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
      "user-agent": userAgent,
    });
    expect(doubled.body).not.toContain(signedInUser.email);
    await thief.close();
  });

  test("without a cookie, or with one that does not decode: signed out", async ({ request }) => {
    expect(await (await request.get("/api/auth/session")).json()).toBeNull();
    const junk = await request.get("/api/auth/session", { headers: { cookie: `${SESSION_COOKIE}=not-a-token` } });
    expect(junk.status()).toBe(200);
    expect(await junk.json()).toBeNull();
    expectNoCookieSet(junk, "junk cookie");
  });

  test("a browser-run session (no Remember me) stays one: asking for the session does not make its cookie persistent", async ({
    page,
    context,
    user,
  }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");
    expect((await sessionCookieOf(context))?.expires).toBe(-1);

    // From the page, as a client library would, and through the context's request API.
    const fromPage = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(fromPage).toMatchObject({ user: { email: user.email } });
    expectNoCookieSet(await page.request.get("/api/auth/session"), "GET");
    expect((await sessionCookieOf(context))?.expires, "still a browser-run cookie").toBe(-1);

    await simulateBrowserRestart(context);
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });
});
