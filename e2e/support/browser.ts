import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { randomClientIp } from "./client-address";

/** Fills and submits the sign-in form as a person would. */
export async function signInWithForm(page: Page, email: string, password: string, options: { remember?: boolean } = {}) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  if (options.remember) await page.getByRole("checkbox", { name: "Remember me" }).check();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Fills and submits the registration form as a person would. */
export async function registerWithForm(page: Page, user: { name: string; email: string; password: string }) {
  await page.goto("/register");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Confirm password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/**
 * What a browser keeps across a restart: only cookies with an expiry date.
 * Session cookies (expires -1) are dropped, as when the browser exits.
 */
export async function simulateBrowserRestart(context: BrowserContext): Promise<void> {
  const persistent = (await context.cookies()).filter((cookie) => cookie.expires > 0);
  await context.clearCookies();
  await context.addCookies(persistent);
}

/** "Sign out" in the header, as a person does (on `from` when given, else the page open now); ends on /login. */
export async function signOut(page: Page, { from }: { from?: string } = {}): Promise<void> {
  if (from) await page.goto(from);
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

/**
 * Another browser: cookies of its own and a client address of its own
 * (random unless `ip` is given), on the project's baseURL unless given.
 */
export function otherBrowser(
  browser: Browser,
  { ip = randomClientIp(), baseURL = test.info().project.use.baseURL, ...options }: { ip?: string; baseURL?: string; userAgent?: string; javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, ...options, extraHTTPHeaders: { "x-forwarded-for": ip } });
}

/** A page in another browser (`otherBrowser`); close it with `page.context().close()`. */
export async function otherBrowserPage(browser: Browser, options: Parameters<typeof otherBrowser>[1] = {}): Promise<Page> {
  return (await otherBrowser(browser, options)).newPage();
}

/** The page's flash message (a status in the main region). */
export function flash(page: Page): Locator {
  return page.getByRole("main").getByRole("status");
}

/** Sets a field's value as a script would, past the browser's own checks (maxlength, type=email…). */
export async function setValue(field: Locator, value: string): Promise<void> {
  await field.evaluate((input, text) => {
    (input as HTMLInputElement).value = text;
  }, value);
}

/** The password step of a two-factor account: right password, so the browser is sent on to the code step. */
export async function passwordStep(page: Page, user: { email: string; password: string }, path = "/login"): Promise<void> {
  await page.goto(path);
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL("/login/two-factor");
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
}

/** Types a code on the code step and submits it. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}
