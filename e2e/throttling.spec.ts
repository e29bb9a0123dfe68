import { test, expect, randomClientIp } from "./fixtures";
import { basicAuth } from "./support/guesses";
import { signInWithForm } from "./support/browser";
import { createUser, uniqueEmail, DEFAULT_PASSWORD } from "./support/users";
import type { Page } from "@playwright/test";

const LOCKED = "Too many attempts. Try again in 1 minute.";
const ACCOUNT_LIMIT = 5;

async function failSignIn(page: Page, email: string, times: number, beforeEach?: () => Promise<void>) {
  for (let i = 0; i < times; i++) {
    await beforeEach?.();
    // A fresh page each time, so the previous attempt's message cannot pass for this one's.
    await page.goto("/login");
    await signInWithForm(page, email, "not the password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
  }
}


test.describe("brute-force throttling", () => {
  test.slow("waits for bcrypt: six or more password checks per test, and CLI-made users");
  test("after a handful of failures even the right password is refused for a while", async ({ page, user }) => {
    await failSignIn(page, user.email, ACCOUNT_LIMIT);
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("an unknown email is locked exactly like a real one", async ({ page }) => {
    const nobody = uniqueEmail("nobody");
    await failSignIn(page, nobody, ACCOUNT_LIMIT);
    await page.goto("/login");
    await signInWithForm(page, nobody, DEFAULT_PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
  });

  test("a rotating X-Forwarded-For does not reset the per-account counter", async ({ page, user }) => {
    await failSignIn(page, user.email, ACCOUNT_LIMIT, () => page.setExtraHTTPHeaders({ "x-forwarded-for": randomClientIp() }));
    await page.setExtraHTTPHeaders({ "x-forwarded-for": randomClientIp() });
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
  });

  test("Basic auth shares the account's counter and answers 429 with Retry-After", async ({ request }) => {
    const user = await createUser();
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect((await request.get("/api/me", { headers: basicAuth(user.email, "wrong") })).status()).toBe(401);
    }
    const locked = await request.get("/api/me", { headers: basicAuth(user.email, user.password) });
    expect(locked.status()).toBe(429);
    expect(await locked.json()).toEqual({ error: LOCKED });
    const retryAfter = Number(locked.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  test("failures from one address across many accounts lock that address", async ({ request }) => {
    test.setTimeout(120_000);
    const user = await createUser();
    const ipLimit = 50;
    for (let i = 0; i < ipLimit; i++) {
      expect((await request.get("/api/me", { headers: basicAuth(uniqueEmail("spray"), "guess") })).status()).toBe(401);
    }
    expect((await request.get("/api/me", { headers: basicAuth(user.email, user.password) })).status()).toBe(429);
    // The same account from another address is fine.
    const elsewhere = await request.get("/api/me", {
      headers: { ...basicAuth(user.email, user.password), "x-forwarded-for": randomClientIp() },
    });
    expect(elsewhere.status()).toBe(200);
  });

  test("re-authentication is throttled too", async ({ page, signedInUser }) => {
    test.setTimeout(90_000);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      await page.goto("/reauthenticate?next=%2Fprofile");
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(page.getByLabel("Password")).toHaveAccessibleDescription("That password is not correct.");
    }
    await page.goto("/reauthenticate?next=%2Fprofile");
    await page.getByLabel("Password").fill(signedInUser.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(LOCKED);
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
  });

  test("registration is limited per address", async ({ page, context }) => {
    test.setTimeout(120_000);
    const registrationLimit = 10;
    for (let i = 0; i <= registrationLimit; i++) {
      await context.clearCookies();
      await page.goto("/register");
      await page.getByLabel("Name").fill(`Sign-up ${i}`);
      await page.getByLabel("Email").fill(uniqueEmail("signup"));
      await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
      await page.getByLabel("Confirm password").fill(DEFAULT_PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      if (i < registrationLimit) {
        await expect(page).toHaveURL("/dashboard");
      } else {
        await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many attempts\. Try again in \d+ minutes?\.$/);
        await expect(page).toHaveURL("/register");
      }
    }
  });
});
