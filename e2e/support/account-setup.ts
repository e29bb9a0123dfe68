import { expect, type Page } from "@playwright/test";
import { sql } from "./database";
import { linkIn, waitForMail } from "./mailbox";
import { APP_PORT } from "./mail-settings";

// What a person does on /profile and with mailed links, for the specs of
// account recovery: add sign-in methods, ask for an email change, reset the
// password. The session of `page` must be fresh where the profile asks for it.

export const ORIGIN = `http://localhost:${APP_PORT}`;
export const CONFIRM_FIRST = "Confirm your email address first";

/** Creates an API key on /profile and returns it (shown once). */
export async function createApiKey(page: Page, name: string): Promise<string> {
  await page.goto("/profile");
  await page.getByLabel("Key name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = (await page.getByLabel("New API key").innerText()).trim();
  expect(key).toMatch(/^lk_/);
  return key;
}

/** Adds a passkey on /profile through the page's virtual authenticator. */
export async function addPasskey(page: Page, name: string): Promise<void> {
  await page.goto("/profile");
  await page.getByLabel("Passkey name").fill(name);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Passkey “${name}” added.`);
}

export async function askForEmailChange(page: Page, newEmail: string, password: string): Promise<void> {
  await page.goto("/profile/email");
  await page.getByLabel("New email").fill(newEmail);
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText(`Waiting for confirmation: ${newEmail}.`)).toBeVisible();
}

/** The link that completes an email change, from the mail to the new address. */
export async function emailChangeLink(newEmail: string, count = 1): Promise<string> {
  return linkIn(await waitForMail(newEmail, "Confirm your new email address", { count }), "/verify-email?token=", ORIGIN);
}

/** "This wasn't me", from the mail to the old address. */
export async function cancelLink(oldEmail: string, count = 1): Promise<string> {
  return linkIn(await waitForMail(oldEmail, "Your email address is being changed", { count }), "/email-change/cancel?token=", ORIGIN);
}

/**
 * Opens a /verify-email link as a person does: the page, then its
 * "Confirm email address" button where the page has one (a link that mail
 * scanners cannot spend by opening it).
 */
export async function openConfirmationLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  const confirm = page.getByRole("main").getByRole("button", { name: "Confirm email address" });
  if (await confirm.count()) await confirm.click();
}

/**
 * Marks the address confirmed or not, as no page can: e.g. an account that
 * added its factors before the address had to be confirmed for them.
 */
export async function setEmailVerified(email: string, verified: boolean): Promise<void> {
  // "createdAt" stands in for a date in each database's own format.
  await sql(`UPDATE "User" SET "emailVerified" = ${verified ? '"createdAt"' : "NULL"} WHERE "email" = $1`, [email]);
}

export async function userRow(email: string) {
  const [row] = await sql<{ id: string; emailVerified: unknown; pendingEmail: string | null }>(
    `SELECT "id", "emailVerified", "pendingEmail" FROM "User" WHERE "email" = $1`,
    [email],
  );
  return row;
}
