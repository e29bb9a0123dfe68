import { test, expect, signInOverHttp } from "../fixtures";
import { signInWithForm } from "../support/browser";
import { createUser } from "../support/users";
import { BROWSER_KEY_COOKIE, SESSION_COOKIE } from "./support";
import type { BrowserContext } from "@playwright/test";

test.slow("waits for bcrypt: CLI-made victims and attackers, their sign-ins and re-authentications");

async function cookieValue(context: BrowserContext, name: string): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === name)?.value;
}

test.describe("session fixation", () => {
  test("session cookies planted before sign-in are replaced by new ones", async ({ page, context, baseURL, user }) => {
    const planted = { token: "attacker-chosen-session-token", browserKey: "attacker-chosen-browser-key" };
    await context.addCookies([
      { name: SESSION_COOKIE, value: planted.token, url: baseURL ?? "" },
      { name: BROWSER_KEY_COOKIE, value: planted.browserKey, url: baseURL ?? "" },
    ]);
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByText(user.email)).toBeVisible();

    const token = await cookieValue(context, SESSION_COOKIE);
    const browserKey = await cookieValue(context, BROWSER_KEY_COOKIE);
    expect(token).toBeTruthy();
    expect(token).not.toBe(planted.token);
    expect(browserKey).toBeTruthy();
    expect(browserKey).not.toBe(planted.browserKey);
  });

  test("an attacker's own valid session planted in the victim's browser never becomes the victim's", async ({
    page,
    context,
    browser,
    baseURL,
    user: victim,
  }) => {
    // The attacker signs in to their own account with the victim's user agent
    // and plants those cookies, hoping the victim's sign-in upgrades them.
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const attacker = await createUser({ name: "Attacker" });
    const attackerContext = await browser.newContext({ baseURL, userAgent });
    await signInOverHttp(attackerContext.request, attacker, { userAgent });
    const planted = await attackerContext.cookies();
    // The victim has the sign-in form open when the cookies arrive.
    await page.goto("/login");
    await context.addCookies(planted);
    await signInWithForm(page, victim.email, victim.password);
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByText(victim.email)).toBeVisible();
    const victimToken = await cookieValue(context, SESSION_COOKIE);
    expect(victimToken).not.toBe(planted.find((cookie) => cookie.name === SESSION_COOKIE)?.value);

    // The attacker's copy of the planted cookies shows the attacker, never the victim.
    const attackerPage = await attackerContext.newPage();
    await attackerPage.goto("/dashboard");
    await expect(attackerPage.getByText(attacker.email)).toBeVisible();
    await expect(attackerPage.getByText(victim.email)).toHaveCount(0);
    await attackerContext.close();
  });
});

test.describe("session rotation on re-authentication", () => {
  test("confirming the password issues a new session token, and the old one opens nothing", async ({
    page,
    context,
    browser,
    baseURL,
    signedInUser,
  }) => {
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    const before = await context.cookies();
    const tokenBefore = before.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
    const browserKeyBefore = before.find((cookie) => cookie.name === BROWSER_KEY_COOKIE)?.value;
    expect(tokenBefore).toBeTruthy();

    await page.goto("/reauthenticate?next=/profile");
    await page.getByLabel("Password").fill(signedInUser.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/Password confirmed\./);

    const tokenAfter = await cookieValue(context, SESSION_COOKIE);
    expect(tokenAfter).toBeTruthy();
    expect(tokenAfter).not.toBe(tokenBefore);
    expect(await cookieValue(context, BROWSER_KEY_COOKIE)).not.toBe(browserKeyBefore);

    // The cookies from before re-authentication, replayed in a fresh browser
    // with the same user agent: the session they named has been retired.
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const replay = await browser.newContext({ baseURL, userAgent });
    await replay.addCookies(before);
    const replayPage = await replay.newPage();
    await replayPage.goto("/dashboard");
    await expect(replayPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
    await expect(replayPage.getByText(signedInUser.email)).toHaveCount(0);
    expect((await replay.request.get("/api/me")).status()).toBe(401);
    await replay.close();

    // The rotated session carries on.
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
  });
});
