import { test, expect } from "../fixtures";
import { signInWithForm } from "../support/browser";
import { createUser } from "../support/users";
import {
  SESSION_COOKIE,
  captureServerAction,
  describeResponse,
  expectNoStackTrace,
  replayHeaders,
  setCookiesOf,
  withValue,
} from "./support";

// Forged requests: a page on another site (or a sandboxed frame, a data: URL,
// a redirect chain, all of which send `Origin: null`) makes the victim's
// browser POST to Latchkey with the victim's cookies. SameSite=Lax already
// keeps the cookies off most such POSTs; these tests send the cookies anyway,
// as an older browser or a same-site subdomain would, so what is proven is the
// server's own check.
const FORGED_ORIGINS = ["https://evil.example", "null"];

test.describe("state changes are POSTs", () => {
  test("every form on the public and signed-in pages posts, and every server action it runs is a POST", async ({
    page,
    signedInUser,
  }) => {
    const actionMethods: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-action"] !== undefined) actionMethods.push(request.method());
    });
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    for (const path of ["/dashboard", "/profile", "/reauthenticate?next=%2Fprofile"]) {
      await page.goto(path);
      const methods = await page.locator("form").evaluateAll((forms) => forms.map((form) => (form as HTMLFormElement).method));
      expect(methods.length, `${path} has forms`).toBeGreaterThan(0);
      expect(methods, `${path}: form methods`).toEqual(methods.map(() => "post"));
    }

    await page.goto("/profile");
    await page.getByLabel("Name", { exact: true }).fill("Post Only");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");
    for (const path of ["/login", "/register"]) {
      await page.goto(path);
      const methods = await page.locator("form").evaluateAll((forms) => forms.map((form) => (form as HTMLFormElement).method));
      expect(methods, `${path}: form methods`).toEqual(methods.map(() => "post"));
    }
    expect(actionMethods.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actionMethods)).toEqual(new Set(["POST"]));
  });
});

test.describe("forged server actions", () => {
  test("a captured 'Save name' action replayed cross-origin or with Origin: null is refused and changes nothing", async ({
    page,
    signedInUser,
  }) => {
    const nav = page.getByRole("navigation", { name: "Main" });
    await page.goto("/profile");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(signedInUser.name);
    await page.getByLabel("Name", { exact: true }).fill("Chosen By Victim");
    const action = await captureServerAction(page, () => page.getByRole("button", { name: "Save name" }).click());
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");
    expect(action.method).toBe("POST");
    expect(action.headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
    expect(action.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const realOrigin = new URL(action.url).origin;
    expect(action.headers.origin).toBe(realOrigin);

    for (const origin of FORGED_ORIGINS) {
      // page.request shares the browser context's cookies: the victim's session.
      const forged = await page.request.post(action.url, {
        headers: replayHeaders(action, origin),
        data: withValue(action.body, "Chosen By Victim", "Forged By Attacker"),
        maxRedirects: 0,
      });
      const { status, body } = await describeResponse(forged);
      expect(status, `Origin: ${origin} is refused with a 403`).toBe(403);
      expect(body).not.toContain("Your name has been saved.");
      expectNoStackTrace(body, `Origin: ${origin}`);
    }

    await page.reload();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Chosen By Victim");
    await expect(nav).toContainText("Chosen By Victim");
    await expect(nav).not.toContainText("Forged By Attacker");

    // Control: the very same replay with the page's own Origin does apply,
    // so the refusals above were the Origin check and nothing else.
    const sameOrigin = await page.request.post(action.url, {
      headers: replayHeaders(action, realOrigin),
      data: withValue(action.body, "Chosen By Victim", "Replayed Same Origin"),
      maxRedirects: 0,
    });
    expect(sameOrigin.status()).toBe(200);
    await page.reload();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Replayed Same Origin");
  });

  test("a sign-in action replayed cross-origin into a visitor's browser signs nobody in (login CSRF)", async ({
    page,
    playwright,
    baseURL,
  }) => {
    // The attacker captures a sign-in to their own account…
    const attacker = await createUser({ name: "Attacker" });
    await page.goto("/login");
    const action = await captureServerAction(page, () => signInWithForm(page, attacker.email, attacker.password));
    await expect(page).toHaveURL("/dashboard");

    // …and replays it from their site into a victim's cookie-less browser.
    for (const origin of FORGED_ORIGINS) {
      const victim = await playwright.request.newContext({ baseURL });
      const forged = await victim.post(action.url, { headers: replayHeaders(action, origin), data: action.body, maxRedirects: 0 });
      expect(forged.status(), `Origin: ${origin}`).toBe(403);
      expect(setCookiesOf(forged.headersArray()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
      expect((await victim.get("/api/me")).status()).toBe(401);
      await victim.dispose();
    }
  });
});

test.describe("Auth.js endpoints need their CSRF token", () => {
  test("the credentials callback without a token, or with a wrong or foreign one, signs nobody in", async ({
    playwright,
    baseURL,
  }) => {
    const user = await createUser();
    const credentials = { email: user.email, password: user.password, remember: "false" };
    const attacker = await playwright.request.newContext({ baseURL });
    const { csrfToken: attackersToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };

    const victim = await playwright.request.newContext({ baseURL });
    // The victim's browser holds its own CSRF cookie, as after any visit.
    await victim.get("/api/auth/csrf");
    const attempts: [string, Record<string, string>, Record<string, string>][] = [
      ["no token", credentials, {}],
      ["a made-up token", { ...credentials, csrfToken: "0".repeat(64) }, {}],
      ["the attacker's own valid token", { ...credentials, csrfToken: attackersToken }, {}],
      ["no token, cross-origin", credentials, { origin: "https://evil.example" }],
      ["no token, Origin: null", credentials, { origin: "null" }],
    ];
    for (const [label, form, headers] of attempts) {
      const response = await victim.post("/api/auth/callback/credentials", { form, headers, maxRedirects: 0 });
      expect(response.status(), label).toBe(302);
      expect(response.headers().location, label).toMatch(/\/login\?error=MissingCSRF$/);
      expect(setCookiesOf(response.headersArray()).map((cookie) => cookie.name), label).not.toContain(SESSION_COOKIE);
      expect((await victim.get("/api/me")).status(), label).toBe(401);
    }
    await attacker.dispose();
    await victim.dispose();
  });

  test("signing out through Auth.js without the token leaves the session working", async ({ page, signedInUser }) => {
    for (const [label, form, headers] of [
      ["no token", {}, {}],
      ["a made-up token", { csrfToken: "0".repeat(64) }, {}],
      ["no token, cross-origin", {}, { origin: "https://evil.example" }],
      ["no token, Origin: null", {}, { origin: "null" }],
    ] as const) {
      const response = await page.request.post("/api/auth/signout", { form, headers, maxRedirects: 0 });
      expect(response.headers().location ?? "", label).toMatch(/error=MissingCSRF$/);
      const cleared = setCookiesOf(response.headersArray()).filter((cookie) => cookie.name === SESSION_COOKIE);
      expect(cleared, label).toEqual([]);
    }
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
  });

  test("a GET to the sign-out endpoint signs nobody out", async ({ page, signedInUser }) => {
    const response = await page.request.get("/api/auth/signout", { maxRedirects: 0 });
    expect(setCookiesOf(response.headersArray()).filter((cookie) => cookie.name === SESSION_COOKIE)).toEqual([]);
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });

  test("signing out through Auth.js with its token revokes the session on the server too", async ({
    page,
    context,
    browser,
    baseURL,
    signedInUser,
  }) => {
    const copied = await context.cookies();
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
    expect(response.headers().location ?? "").not.toContain("error=");

    // The copied cookies, replayed from another browser with the same user agent.
    const replay = await browser.newContext({ baseURL, userAgent });
    await replay.addCookies(copied);
    const replayPage = await replay.newPage();
    await replayPage.goto("/dashboard");
    await expect(replayPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
    await expect(replayPage.getByText(signedInUser.email)).toHaveCount(0);
    await replay.close();
  });
});
