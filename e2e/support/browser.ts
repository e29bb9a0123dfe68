import { expect, type BrowserContext, type Page } from "@playwright/test";

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
