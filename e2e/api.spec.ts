import { test, expect, signInOverHttp } from "./fixtures";
import { basicAuth } from "./support/guesses";
import { createUser, setUserActive, uniqueEmail } from "./support/users";
import { simulateBrowserRestart } from "./support/browser";
import type { APIResponse, Page } from "@playwright/test";

// Real HTTP against the running app, with a cookie-less request context:
// machine clients bring no browser state.
test.use({ storageState: { cookies: [], origins: [] } });

const UNAUTHORIZED_BODY = {
  error: "Authentication required: send an API key (X-API-Key or Authorization: Bearer) or Basic credentials.",
};


async function expectUnauthorized(response: APIResponse) {
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual(UNAUTHORIZED_BODY);
  expect(response.headers()["www-authenticate"]).toContain("Bearer");
  expect(response.headers()["www-authenticate"]).toContain("Basic");
  expect(response.headers()["set-cookie"]).toBeUndefined();
}

async function expectNoCookie(response: APIResponse) {
  expect(response.headers()["set-cookie"]).toBeUndefined();
}

/** Creates a key through /profile, as a person would, and reads it off the page once. */
async function createKeyInBrowser(page: Page, name: string): Promise<string> {
  await page.goto("/profile");
  await page.getByLabel("Key name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = page.getByLabel("New API key");
  await expect(key).toBeVisible();
  return (await key.textContent()) ?? "";
}

test.describe("API authentication", () => {
  test("health reports the database and how mail is sent, nothing about the outbox", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: "ok",
      mail: { transport: "smtp" },
    });
  });

  test("no credentials: 401 JSON with WWW-Authenticate, never a redirect", async ({ request }) => {
    const response = await request.get("/api/me", { maxRedirects: 0 });
    await expectUnauthorized(response);
  });

  test("an API key works in X-API-Key and as a Bearer token, and only once shown", async ({
    page,
    request,
    signedInUser,
  }) => {
    const key = await createKeyInBrowser(page, "Deploy script");
    expect(key).toMatch(/^lk_/);

    const viaHeader = await request.get("/api/me", { headers: { "X-API-Key": key } });
    expect(viaHeader.status()).toBe(200);
    const me = await viaHeader.json();
    expect(me).toMatchObject({ id: signedInUser.id, email: signedInUser.email, name: signedInUser.name, role: "USER" });
    expect(me.authMethod).toBe("api_key");
    expect(new Date(me.createdAt).getTime()).not.toBeNaN();
    expect(me.lastLoginAt).not.toBeNull();
    expect(me).not.toHaveProperty("passwordHash");
    await expectNoCookie(viaHeader);

    const viaBearer = await request.get("/api/me", { headers: { Authorization: `Bearer ${key}` } });
    expect(viaBearer.status()).toBe(200);
    expect((await viaBearer.json()).authMethod).toBe("api_key");
    await expectNoCookie(viaBearer);

    // The list shows the prefix and the use, never the key itself.
    await page.goto("/profile");
    const keys = page.getByRole("list", { name: "API keys" });
    await expect(keys).toContainText("Deploy script");
    await expect(keys).toContainText(key.slice(0, 11));
    await expect(keys).toContainText("Last used");
    await expect(page.getByText(key)).toHaveCount(0);
  });

  test("a revoked key answers like a missing one", async ({ page, request, signedInUser }) => {
    const key = await createKeyInBrowser(page, "Short-lived");
    expect((await request.get("/api/me", { headers: { "X-API-Key": key } })).status()).toBe(200);

    await page.goto("/profile");
    await page.getByRole("button", { name: "Revoke API key Short-lived" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/has been revoked/);
    await expectUnauthorized(await request.get("/api/me", { headers: { "X-API-Key": key } }));
    await expect(page.getByText(signedInUser.email)).toBeVisible();
  });

  test("unknown and empty keys answer like a missing one", async ({ request }) => {
    await expectUnauthorized(await request.get("/api/me", { headers: { "X-API-Key": "lk_unknown_key_value_that_is_long" } }));
    await expectUnauthorized(await request.get("/api/me", { headers: { "X-API-Key": "" } }));
    await expectUnauthorized(await request.get("/api/me", { headers: { Authorization: "Bearer " } }));
  });

  test("a deactivated user's key stops working", async ({ page, request, signedInUser }) => {
    const key = await createKeyInBrowser(page, "Will stop");
    expect((await request.get("/api/me", { headers: { "X-API-Key": key } })).status()).toBe(200);
    await setUserActive(signedInUser.email, false);
    await expectUnauthorized(await request.get("/api/me", { headers: { "X-API-Key": key } }));
  });

  test("a key in the query string is refused with 400", async ({ request }) => {
    const response = await request.get("/api/me?api_key=lk_something_long_enough");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatch(/X-API-Key or Authorization: Bearer header/);
    await expectNoCookie(response);
  });

  test("Basic auth with email and password, never a session", async ({ request }) => {
    const user = await createUser({ name: "Basic Betty" });
    const response = await request.get("/api/me", { headers: basicAuth(user.email, user.password) });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ email: user.email, authMethod: "basic" });
    await expectNoCookie(response);

    await expectUnauthorized(
      await request.get("/api/me", { headers: basicAuth(user.email, "wrong password") }),
    );
    await expectUnauthorized(
      await request.get("/api/me", { headers: basicAuth(uniqueEmail("nobody"), user.password) }),
    );
    await setUserActive(user.email, false);
    await expectUnauthorized(await request.get("/api/me", { headers: basicAuth(user.email, user.password) }));
  });

  for (const [label, headers] of [
    ["bad base64", { Authorization: "Basic %%%not base64%%%" }],
    ["a missing colon", { Authorization: `Basic ${Buffer.from("no-colon-here").toString("base64")}` }],
    ["an unknown scheme", { Authorization: "Digest username=ada" }],
    ["a very long Authorization header", { Authorization: `Bearer ${"x".repeat(8000)}` }],
    ["a very long X-API-Key header", { "X-API-Key": "x".repeat(8000) }],
  ] as const) {
    test(`a malformed header (${label}) gets a clean 400`, async ({ request }) => {
      const response = await request.get("/api/me", { headers });
      expect(response.status()).toBe(400);
      expect(typeof (await response.json()).error).toBe("string");
      await expectNoCookie(response);
    });
  }

  test("a Basic header with odd but valid pieces is a clean 401", async ({ request }) => {
    for (const text of [":", "not-an-email:password", `${"a".repeat(300)}@example.com:x`, "ada@example.com:"]) {
      await expectUnauthorized(
        await request.get("/api/me", { headers: { Authorization: `Basic ${Buffer.from(text).toString("base64")}` } }),
      );
    }
  });

  test("the browser's session cookie works for the same endpoint, until sign-out", async ({ page, signedInUser }) => {
    const response = await page.request.get("/api/me");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ email: signedInUser.email, authMethod: "session" });

    const cookies = await page.context().cookies();
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");
    // The same cookies replayed after sign-out reach no private API.
    await page.context().addCookies(cookies);
    await expectUnauthorized(await page.request.get("/api/me"));
  });

  test("creating an API key needs a fresh login", async ({ page, context, user }) => {
    await signInOverHttp(context.request, user, { userAgent: await page.evaluate(() => navigator.userAgent), remember: true });
    // After a browser restart the remembered session survives, its freshness does not.
    await simulateBrowserRestart(context);
    await page.goto("/profile");
    await expect(page.getByText("Creating an API key needs a recent sign-in.")).toBeVisible();
    await expect(page.getByLabel("Key name", { exact: true })).toHaveCount(0);
  });

  test("the API is described in OpenAPI, and unknown endpoints answer in JSON", async ({ request }) => {
    const spec = await request.get("/api/openapi.json");
    expect(spec.status()).toBe(200);
    const document = await spec.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/me", "/api/health"]));

    const missing = await request.get("/api/no-such-endpoint");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatch(/No such API endpoint/);
  });
});
