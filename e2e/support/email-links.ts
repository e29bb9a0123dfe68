import type { Page, Response } from "@playwright/test";

/**
 * Opens a mailed /verify-email link and presses its one button, as a person
 * does: opening the link alone confirms nothing. Returns the link's response
 * (for its headers).
 */
export async function confirmWithLink(page: Page, link: string): Promise<Response | null> {
  const response = await page.goto(link);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  return response;
}
