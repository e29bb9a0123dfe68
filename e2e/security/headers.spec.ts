import { test, expect } from "../fixtures";
import { createHash } from "node:crypto";
import type { APIResponse } from "@playwright/test";

/** The CSP's directives, by name. */
function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/**
 * Checks the security headers of one page and returns its script nonce, or
 * its script hashes for a page prerendered at build (`hashes`: the signed-out
 * public pages, lib/request/static-pages.ts).
 */
function expectSecurityHeaders(response: APIResponse, label: string): string;
function expectSecurityHeaders(response: APIResponse, label: string, kind: "hashes"): string[];
function expectSecurityHeaders(response: APIResponse, label: string, kind: "nonce" | "hashes" = "nonce"): string | string[] {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, `${label}: Content-Security-Policy`).not.toBe("");
  const directives = directivesOf(policy);
  const scriptSrc = directives.get("script-src") ?? [];
  const nonce = scriptSrc.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1) ?? "";
  const hashes = scriptSrc.filter((source) => /^'sha(256|384|512)-/.test(source)).map((source) => source.slice(1, -1));
  if (kind === "nonce") expect(nonce.length, `${label}: script-src has a nonce`).toBeGreaterThanOrEqual(16);
  else {
    expect(nonce, `${label}: a prerendered page has no nonce`).toBe("");
    expect(hashes.length, `${label}: script-src has hashes`).toBeGreaterThan(0);
  }
  expect(scriptSrc, `${label}: script-src`).toContain("'strict-dynamic'");
  expect(scriptSrc, `${label}: script-src`).not.toContain("'unsafe-inline'");
  expect(scriptSrc, `${label}: script-src`).not.toContain("'unsafe-eval'");
  expect(directives.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(directives.get("object-src"), `${label}: object-src`).toEqual(["'none'"]);

  expect(headers["x-content-type-options"], `${label}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${label}: Referrer-Policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  expect(headers["permissions-policy"], `${label}: Permissions-Policy`).toContain("camera=()");
  // OWASP: the legacy XSS auditor switched off explicitly.
  expect(headers["x-xss-protection"], `${label}: X-XSS-Protection`).toBe("0");
  // The e2e server is a production build: HSTS is on (browsers ignore it over HTTP).
  expect(headers["strict-transport-security"], `${label}: HSTS`).toMatch(/max-age=\d{7,}/);
  return kind === "nonce" ? nonce : hashes;
}

/** Every <script …> opening tag in the page, inline or not. */
function scriptTagsOf(html: string): string[] {
  return html.match(/<script\b[^>]*>/gi) ?? [];
}

test.describe("security headers", () => {
  test("every page sends a strict CSP (a nonce, or a prerendered page's hashes), nosniff, X-XSS-Protection: 0, a referrer policy, a permissions policy and HSTS", async ({
    page,
    request,
    signedInUser,
  }) => {
    // Signed out (`request` has no cookies): the public pages are prerendered,
    // /login and /register with this server's "Sign in with Test SSO", which
    // its build has too (e2e/security/csp-static.spec.ts); with a query they
    // are rendered per request.
    for (const path of ["/", "/login", "/register", "/forgot-password"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response, `${path} (signed out)`, "hashes");
    }
    const nonces = new Set<string>();
    for (const path of ["/login?next=%2Fprofile", "/register?from=headers"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      nonces.add(expectSecurityHeaders(response, `${path} (signed out, per request)`));
    }
    const notFound = await request.get("/no-such-page", { maxRedirects: 0 });
    expect(notFound.status()).toBe(404);
    nonces.add(expectSecurityHeaders(notFound, "/no-such-page (signed out)"));
    // Signed in (the page's cookies): rendered per request.
    for (const path of ["/", "/forgot-password"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(await response.text()).toContain(signedInUser.name);
      nonces.add(expectSecurityHeaders(response, `${path} (signed in)`));
    }
    for (const [path, status] of [["/dashboard", 200], ["/profile", 200], ["/no-such-page", 404]] as const) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(status);
      if (status === 200) expect(await response.text()).toContain(signedInUser.email);
      nonces.add(expectSecurityHeaders(response, `${path} (signed in)`));
    }
    // A fresh nonce for every response.
    expect(nonces.size).toBe(8);
  });

  test("the API sends the static security headers too", async ({ request }) => {
    for (const path of ["/api/health", "/api/me"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-xss-protection"], path).toBe("0");
      expect(headers["strict-transport-security"], path).toMatch(/max-age=/);
    }
  });

  test("every script tag in the HTML carries the response's nonce", async ({ request }) => {
    for (const path of ["/login?next=%2Fprofile", "/register?from=x", "/?from=x", "/no-such-page"]) {
      const response = await request.get(path);
      const nonce = expectSecurityHeaders(response, path);
      const tags = scriptTagsOf(await response.text());
      expect(tags.length, `${path} has scripts`).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  });

  test("every script of a prerendered page is allowed by a hash of the policy, and only those", async ({ request }) => {
    for (const path of ["/", "/forgot-password"]) {
      const response = await request.get(path);
      const hashes = expectSecurityHeaders(response, path, "hashes");
      const html = await response.text();
      const needed = new Set<string>();
      for (const [, attributes = "", body = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\ssrc=/.test(attributes)) {
          // External: its integrity hash (experimental.sri, scripts/static-twins.mjs), which the policy must list.
          const integrity = /\sintegrity="([^"]+)"/.exec(attributes)?.[1];
          expect(integrity, `${path}: ${attributes}`).toMatch(/^sha256-/);
          needed.add(integrity ?? "");
        } else if (body) needed.add(`sha256-${createHash("sha256").update(body).digest("base64")}`);
      }
      expect(needed.size, `${path} has scripts`).toBeGreaterThan(0);
      expect(new Set(hashes), path).toEqual(needed);
    }
  });
});

test.describe("the CSP lets the app run and stops injected scripts", () => {
  test("React handles the form (a validation error without a reload) and no script is blocked", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/register");
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    // Still the same document: the server action ran through React, not a full form post.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(violations).toEqual([]);
  });

  test("markup injected into a page cannot run script: no nonce, no run", async ({ page }) => {
    // As if a stored XSS had slipped into the HTML: the real /login response,
    // its real CSP header, plus an inline script and an inline event handler
    // that do not know the nonce.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        `<img src="data:," onerror="window.injected='handler'" alt=""><script>window.injected = "script";</script></body>`,
      );
      await route.fulfill({ response, body: html });
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/login");
    // The page's own scripts still run (React hydrated the form)…
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    // …the injected ones did not, and the browser said why.
    expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
    expect(violations.some((text) => text.includes("script-src"))).toBe(true);
  });

  test("the pages refuse to be framed", async ({ page, baseURL }) => {
    // A page of another origin frames the sign-in form, and (as a control)
    // a page of a third origin that allows framing.
    const framed = `${baseURL}/login`;
    await page.route("http://framer.invalid/", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<iframe title="target" src="${framed}"></iframe><iframe title="control" src="http://control.invalid/"></iframe>`,
      }),
    );
    await page.route("http://control.invalid/", (route) =>
      route.fulfill({ contentType: "text/html", body: `<input aria-label="Control field">` }),
    );
    await page.goto("http://framer.invalid/");
    await expect(page.frameLocator("iframe[title=control]").getByLabel("Control field")).toBeVisible();
    const target = page.frame({ url: (url) => url.href !== "http://framer.invalid/" && url.href !== "http://control.invalid/" });
    expect(target, "the framed page has a frame").not.toBeNull();
    await expect.poll(() => target?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator("iframe[title=target]").getByLabel("Email")).toHaveCount(0);
  });
});
