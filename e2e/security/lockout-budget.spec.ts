import type { Page } from "@playwright/test";
import { test, expect, randomClientIp } from "../fixtures";
import { enterCode, passwordStep, signInWithForm, signOut } from "../support/browser";
import { basicAuth } from "../support/guesses";
import { signInOverRawHttp } from "../support/http-client.mjs";
import { createUser } from "../support/users";

// One failure budget per account for every secret typed or sent for it
// (THROTTLE_ACCOUNT_MAX_FAILURES, 5 here): only a complete proof (every
// factor the account requires) clears it. The right password of a
// two-factor account is half of one, so it clears nothing.

const ACCOUNT_LIMIT = 5;
const LOCKED = "Too many attempts. Try again in 1 minute.";
const INVALID_CODE = "That code is not valid.";


/** A fresh code page each time, so the previous code's message cannot pass for this one's. */
async function enterCodeOnFreshPage(page: Page, code: string) {
  await page.goto("/login/two-factor");
  await enterCode(page, code);
}

async function wrongPasswordOnForm(page: Page, email: string) {
  await page.goto("/login");
  await signInWithForm(page, email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
}

test.describe("one budget per account, for every factor", () => {
  // bcrypt comparisons, a browser through both steps, and the two-factor fixture's setup.
  test.slow();
  test("rounds of right password and wrong codes lock the account after the limit in all; then nothing gets in", async ({
    page,
    twoFactorUser,
  }) => {
    await signOut(page, { from: "/dashboard" });
    // Two wrong codes a round: the right password in between must not give the guesser a fresh budget.
    for (let wrong = 0; wrong < ACCOUNT_LIMIT; wrong += 1) {
      if (wrong % 2 === 0) await passwordStep(page, twoFactorUser);
      await enterCodeOnFreshPage(page, twoFactorUser.app.wrongCode());
      await expect(page.getByText(INVALID_CODE)).toBeVisible();
    }
    await enterCodeOnFreshPage(page, await twoFactorUser.app.nextCode());
    await expect(page.getByText(LOCKED)).toBeVisible();
    await expect(page).toHaveURL("/login/two-factor");

    await page.goto("/login");
    await signInWithForm(page, twoFactorUser.email, twoFactorUser.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("the half-way sign-in ends after the limit of wrong codes: the next try starts from the password", async ({
    page,
    twoFactorUser,
  }) => {
    await signOut(page, { from: "/dashboard" });
    await passwordStep(page, twoFactorUser);
    for (let wrong = 1; wrong < ACCOUNT_LIMIT; wrong += 1) {
      await enterCodeOnFreshPage(page, twoFactorUser.app.wrongCode());
      await expect(page.getByText(INVALID_CODE)).toBeVisible();
    }
    await enterCodeOnFreshPage(page, twoFactorUser.app.wrongCode());
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("alert").filter({ hasText: "Too many wrong codes. Sign in again." })).toBeVisible();
    await page.goto("/login/two-factor");
    await expect(page.getByText("There is no sign-in waiting for a code in this browser")).toBeVisible();
  });

  test("the right password alone on a two-factor account clears no failures, on the form or over Basic auth", async ({
    page,
    twoFactorUser,
  }) => {
    await signOut(page, { from: "/dashboard" });
    for (let i = 0; i < 2; i += 1) await wrongPasswordOnForm(page, twoFactorUser.email);
    await passwordStep(page, twoFactorUser);
    await wrongPasswordOnForm(page, twoFactorUser.email);
    const basicRight = await page.request.get("/api/me", { headers: basicAuth(twoFactorUser.email, twoFactorUser.password) });
    expect(basicRight.status(), "Basic auth: the password was right, the account needs a code").toBe(401);
    expect(((await basicRight.json()) as { error: string }).error).toContain("two-factor");
    await wrongPasswordOnForm(page, twoFactorUser.email);
    // Four failures so far: the fifth locks, for Basic auth and the form alike.
    const fifth = await page.request.get("/api/me", { headers: basicAuth(twoFactorUser.email, "still not the password") });
    expect(fifth.status()).toBe(401);
    const locked = await page.request.get("/api/me", { headers: basicAuth(twoFactorUser.email, twoFactorUser.password) });
    expect(locked.status()).toBe(429);
    expect(await locked.json()).toEqual({ error: LOCKED });
  });

  test("a complete sign-in clears the account's failures", async ({ page, twoFactorUser }) => {
    await signOut(page, { from: "/dashboard" });
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i += 1) await wrongPasswordOnForm(page, twoFactorUser.email);
    await passwordStep(page, twoFactorUser);
    await enterCodeOnFreshPage(page, await twoFactorUser.app.nextCode());
    await expect(page).toHaveURL("/dashboard");
    await signOut(page, { from: "/dashboard" });
    // A full budget again: four more failures lock nothing.
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i += 1) await wrongPasswordOnForm(page, twoFactorUser.email);
    await passwordStep(page, twoFactorUser);
  });

  test("legitimate parallel sign-ins of one account never lock it", async () => {
    const user = await createUser();
    const base = test.info().project.use.baseURL ?? "";
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signInOverRawHttp(base, user, { ip: randomClientIp() })),
    );
    expect(results.map((result) => result.ok)).toEqual(Array(8).fill(true));
  });
});
