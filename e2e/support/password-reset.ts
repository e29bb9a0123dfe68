import { expect, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "./mailbox";
import { APP_PORT } from "./mail-settings";
import type { ReceivedMail } from "./mail-sink";

const ORIGIN = `http://localhost:${APP_PORT}`;

/**
 * Resets the password as a person would: "Forgot your password?", the mailed
 * link, the new password twice. Ends on /login, signed out; returns the
 * reset mail. `count`: which reset mail of this address to wait for.
 */
export async function resetPasswordByMail(
  page: Page,
  email: string,
  newPassword: string,
  options: { count?: number } = {},
): Promise<ReceivedMail> {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account exists for that address" })).toBeVisible();
  const mail = await waitForMail(email, "Reset your password", { count: options.count });
  await page.goto(linkIn(mail, "/reset-password?token=", ORIGIN));
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL("/login");
  return mail;
}

/** After a reset, the first sign-in's stop: "Everything is mine" goes on to `next`. */
export async function confirmAccountReview(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "Review your account" })).toBeVisible();
  await page.getByRole("button", { name: "Everything is mine" }).click();
}
