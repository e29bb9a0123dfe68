import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { sql } from "./database";
import { OIDC_NAME } from "./oidc-settings";

// "Sign in with …" through the suite's real OpenID Connect provider
// (e2e/support/oidc-provider.mjs): its own login and consent pages, as a
// person sees them. Its logins are email addresses; one containing
// "unverified" is not vouched for.

export const PROVIDER_BUTTON = `Sign in with ${OIDC_NAME}`;

export function providerLogin(label: string, verified = true): string {
  return `${label}-${randomUUID()}${verified ? "" : "-unverified"}@example.test`;
}

/** The provider's login page, then its consent page. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function signInWithProvider(page: Page, login: string, options: { remember?: boolean; baseURL?: string } = {}): Promise<void> {
  await page.goto(`${options.baseURL ?? ""}/login`);
  if (options.remember) await page.getByRole("checkbox", { name: "Remember me" }).check();
  await page.getByRole("button", { name: PROVIDER_BUTTON }).click();
  await signInAtProvider(page, login);
}

export async function userByEmail(email: string) {
  const rows = await sql<{ id: string; emailVerified: unknown; passwordHash: string | null }>(
    `SELECT "id", "emailVerified", "passwordHash" FROM "User" WHERE "email" = $1`,
    [email],
  );
  return rows[0];
}

export async function linkedProviders(userId: string): Promise<string[]> {
  const rows = await sql<{ provider: string }>(`SELECT "provider" FROM "Account" WHERE "userId" = $1`, [userId]);
  return rows.map((row) => row.provider);
}

export async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=/);
}

/** As if the sign-in were long ago: the next page that needs a recent one asks for it again. */
export async function makeSessionsStale(userId: string): Promise<void> {
  await sql(`UPDATE "LoginSession" SET "freshAt" = NULL WHERE "userId" = $1`, [userId]);
}
