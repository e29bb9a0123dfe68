import { test, expect } from "../fixtures";
import { expectNoStackTrace, rawGetRefusal } from "./support";
import type { APIResponse } from "@playwright/test";

// The API and Auth.js routes under malformed requests: every answer is a
// clean 4xx (JSON from our own routes), never a 500 or a stack trace, and
// the server keeps serving.

test.use({ storageState: { cookies: [], origins: [] } });

// Each test ends by checking that the server still answers.
test.afterEach(async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
});

async function expectClientError(response: APIResponse, label: string): Promise<void> {
  const status = response.status();
  expect(status, label).toBeGreaterThanOrEqual(400);
  expect(status, label).toBeLessThan(500);
  expectNoStackTrace(await response.text(), label);
}

async function expectJsonError(response: APIResponse, label: string): Promise<void> {
  await expectClientError(response, label);
  expect(response.headers()["content-type"], label).toContain("application/json");
  expect(typeof (await response.json()).error, label).toBe("string");
}

test.describe("bad requests to the API", () => {
  test("wrong methods on /api/me and /api/health get 405, never a 500", async ({ request }) => {
    for (const path of ["/api/me", "/api/health", "/api/openapi.json"]) {
      for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
        const response = await request.fetch(path, { method, data: { email: "x", role: "ADMIN" } });
        await expectClientError(response, `${method} ${path}`);
        expect(response.status(), `${method} ${path}`).toBe(405);
      }
    }
    // Unknown API paths answer in JSON whatever the method.
    for (const method of ["GET", "POST", "DELETE"]) {
      await expectJsonError(await request.fetch("/api/no-such-thing", { method, data: "{}" }), `${method} unknown`);
    }
  });

  test("a JSON body on GET-only endpoints is ignored", async ({ request }) => {
    const me = await request.fetch("/api/me", { method: "GET", data: { id: "someone-else", authMethod: "session" } });
    expect(me.status()).toBe(401);
    await expectJsonError(me, "GET /api/me with a JSON body");
    const health = await request.fetch("/api/health", { method: "GET", data: "{not json", headers: { "content-type": "application/json" } });
    expect(health.status()).toBe(200);
  });

  test("oversized and malformed headers get 4xx", async ({ baseURL, request }) => {
    for (const [label, headers] of [
      ["a 2 kB X-API-Key", { "x-api-key": "k".repeat(2000) }],
      ["an 8 kB Bearer token", { authorization: `Bearer ${"t".repeat(8000)}` }],
      ["a Basic header that is not base64", { authorization: "Basic ###" }],
      ["Basic with a NUL and RTL override", { authorization: `Basic ${Buffer.from("\u0000\u202E@x:\u0000").toString("base64")}` }],
      ["an unknown scheme", { authorization: "Negotiate abc" }],
      ["a cookie of garbage", { cookie: `authjs.session-token=${"%".repeat(3000)}` }],
    ] as const) {
      const response = await request.get("/api/me", { headers });
      await expectJsonError(response, label);
    }
    // Over Node's 16 kB limit for all headers: refused before the app sees it.
    for (const size of [20_000, 100_000]) {
      const outcome = await rawGetRefusal(baseURL ?? "", "/api/me", { "x-padding": "p".repeat(size) });
      expect([431, "connection reset"], `${size} bytes of headers`).toContain(outcome);
    }
  });

  test("very long URLs and query strings get 4xx", async ({ baseURL, request }) => {
    await expectJsonError(await request.get(`/api/me?q=${"a".repeat(10_000)}`), "10 kB query on /api/me");
    await expectJsonError(await request.get(`/api/me?api_key=${"a".repeat(10_000)}`), "10 kB api_key in the query");
    await expectJsonError(await request.get(`/api/${"a/".repeat(3000)}`), "6 kB API path");
    const login = await request.get(`/login?next=/${"a".repeat(8000)}`);
    expect(login.status(), "a long next on /login is ignored").toBe(200);
    const huge = await rawGetRefusal(baseURL ?? "", `/api/me?q=${"a".repeat(100_000)}`, {});
    expect([414, 431, "connection reset"], "100 kB URL").toContain(huge);
  });

  test("Auth.js routes refuse junk cleanly", async ({ request }) => {
    const junk: [string, Parameters<typeof request.fetch>[1]][] = [
      ["a JSON sign-in", { method: "POST", data: { email: "a@b.example", password: "x" } }],
      ["a broken multipart sign-in", { method: "POST", data: "garbage", headers: { "content-type": "multipart/form-data; boundary=x" } }],
      ["a 1 MB sign-in", { method: "POST", form: { email: "x".repeat(1024 * 1024), password: "x" } }],
    ];
    for (const [label, options] of junk) {
      const response = await request.fetch("/api/auth/callback/credentials", { ...options, maxRedirects: 0 });
      expect(response.status(), label).toBe(302);
      expect(response.headers().location, label).toMatch(/\/login\?error=/);
    }
    await expectClientError(await request.get("/api/auth/no-such-action"), "unknown Auth.js action");
    await expectClientError(await request.fetch("/api/auth/session", { method: "PUT" }), "PUT session");
  });
});
