import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";
import { specPort, startServer, type SpecServer } from "../support/servers";

// The public pages a signed-out visitor gets prerendered (app/static/,
// lib/request/static-pages.ts) carry no nonce: their policy allows their own
// scripts by the hashes their build recorded. This spec serves each one
// tampered, as if a stored XSS had slipped into the HTML, and checks that
// the browser refuses the injected script while the page's own scripts all
// run (exactly one violation: the injected one).

interface Window {
  __injected?: number;
  __violations?: { directive: string; blocked: string }[];
  __sameDocument?: boolean;
}

/** What a click on the page proves: React handled it, in the same document. */
const HYDRATION_CHECKS: Record<string, (page: Page) => Promise<void>> = {
  "/login": async (page) => {
    await expect(page.getByRole("button", { name: "Sign in with Test SSO" })).toBeVisible();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
  },
  "/register": async (page) => {
    await expect(page.getByRole("button", { name: "Sign in with Test SSO" })).toBeVisible();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
  },
  "/forgot-password": async (page) => {
    await page.getByRole("button", { name: /send/i }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/email/i);
  },
  "/": async (page) => {
    // A client-side navigation: the app router, not a page load.
    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  },
};

/** Loads `path` with an inline script injected into its HTML; checks the policy, hydration and the one refusal. */
async function expectInjectionRefused(page: Page, path: string) {
  let policy = "";
  await page.route(
    (url) => url.pathname === path && url.search === "",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      const response = await route.fetch();
      policy = response.headers()["content-security-policy"] ?? "";
      const html = (await response.text()).replace("</body>", "<script>window.__injected=1</script></body>");
      await route.fulfill({ response, body: html });
    },
  );
  // Runs before the page's scripts, outside the page's policy (DevTools injects it).
  await page.addInitScript(() => {
    const w = window as Window;
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      w.__violations?.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
  await page.goto(path);

  // The prerendered page's policy: hashes, no nonce, nothing inline or eval allowed wholesale.
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1]?.split(/\s+/) ?? [];
  expect(scriptSrc, "script-src").toContain("'strict-dynamic'");
  expect(scriptSrc.some((source) => source.startsWith("'sha256-")), "script-src has hashes").toBe(true);
  expect(scriptSrc.some((source) => source.startsWith("'nonce-")), "no nonce on a prerendered page").toBe(false);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");

  await page.evaluate(() => {
    (window as Window).__sameDocument = true;
  });
  await HYDRATION_CHECKS[path]?.(page);
  expect(await page.evaluate(() => (window as Window).__sameDocument), "same document: React handled it").toBe(true);

  const { injected, violations } = await page.evaluate(() => ({
    injected: (window as Window).__injected,
    violations: (window as Window).__violations ?? [],
  }));
  expect(injected, "the injected script did not run").toBeUndefined();
  // Exactly one refusal, the injected inline script: the page's own scripts all passed.
  expect(violations).toEqual([{ directive: "script-src-elem", blocked: "inline" }]);
}

// The suite's server and its build have the same "Sign in with Test SSO"
// provider (playwright.config.ts, scripts/test-all.mjs), so it serves all
// four pages prerendered, /login and /register with the provider's button.
test.describe("prerendered public pages", () => {
  for (const path of Object.keys(HYDRATION_CHECKS)) {
    test(`${path}: prerendered, its policy refuses an injected inline script and lets its own scripts run`, async ({ page }) => {
      await expectInjectionRefused(page, path);
    });
  }

  test("after a name change revalidates every page (revalidatePath of the root layout), the twins still hydrate under their policy", async ({
    page,
    browser,
    baseURL,
    signedInUser,
  }) => {
    // Next.js renders a revalidated prerendered page again at run time, with
    // other inline scripts and no integrity on its chunks: served from its
    // cache, a twin's forms did not hydrate after this (the policy of the
    // build's hashes refused its chunks). Middleware serves the recorded copy.
    await page.goto("/profile");
    await expect(page.getByRole("main")).toContainText(signedInUser.email);
    await page.getByLabel("Name", { exact: true }).fill("Renamed Person");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");
    for (const path of Object.keys(HYDRATION_CHECKS)) {
      const context = await browser.newContext({ baseURL });
      await expectInjectionRefused(await context.newPage(), path);
      await context.close();
    }
  });

  test("a visitor with something per request (a query, a flash message, an RSC fetch) gets the page rendered with a nonce", async ({
    request,
  }) => {
    for (const [path, headers] of [
      ["/login?next=%2Fprofile", {}],
      ["/register", { cookie: 'latchkey-flash={"id":"x","category":"info","message":"Hello"}' }],
      ["/forgot-password", { rsc: "1" }],
    ] as const) {
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
  });

  test("a prerendered page is kept by no shared cache, and a twin by its own address is the same page", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.headers()["cache-control"]).toBe("private, no-cache");
    const own = await request.get("/static/login", { maxRedirects: 0 });
    expect(own.status()).toBe(200);
    expect(own.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
    expect(await own.text()).toBe(await response.text());
  });

  test.describe("without JavaScript", () => {
    // A user made with bcrypt, a real sign-in and several page posts.
    test.slow();
    test("the prerendered pages still work: field errors, `next`, the flash message", async ({ browser, baseURL, user }) => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
      const page = await context.newPage();
      // The prerendered form, posted by the browser: the answer is the page rendered per request, with its errors.
      await page.goto("/login");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
      await page.goto("/register");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
      await page.goto("/forgot-password");
      await page.getByRole("button", { name: /send/i }).click();
      await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/email/i);
      // `next` is per request: honoured.
      await page.goto("/login?next=%2Fprofile");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL("/profile");
      // Signed in: the public pages send the visitor on, as before.
      await page.goto("/login");
      await expect(page).toHaveURL("/dashboard");
      await page.goto("/register");
      await expect(page).toHaveURL("/dashboard");
      // Signing out lands on /login with the flash message (its cookie makes the page per request).
      await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL("/login");
      await expect(page.getByRole("status")).toContainText("You have been signed out.");
      await context.close();
    });
  });
});

// A server whose providers are not its build's (here: none) cannot serve the
// build's /login and /register, whose buttons would be wrong: it renders them
// per request; the pages without buttons stay prerendered.
test.describe("on a server configured with other sign-in providers than its build", () => {
  test.describe.configure({ mode: "default" });
  const port = specPort(90);
  test.use({ baseURL: `http://localhost:${port}` });
  let server: SpecServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer(port, {}, { deployment: "own" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("/login and /register are rendered per request without the build's buttons; / and /forgot-password are prerendered", async ({
    page,
    request,
    browser,
    baseURL,
  }) => {
    for (const path of ["/login", "/register"]) {
      const response = await request.get(path);
      expect(response.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in with Test SSO" })).toHaveCount(0);
    }
    for (const path of ["/", "/forgot-password"]) {
      const context = await browser.newContext({ baseURL });
      await expectInjectionRefused(await context.newPage(), path);
      await context.close();
    }
  });
});
