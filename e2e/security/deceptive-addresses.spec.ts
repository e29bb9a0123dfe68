import type { Page } from "@playwright/test";
import { setValue } from "../support/browser";
import { test, expect } from "../fixtures";
import { DEFAULT_PASSWORD, createUser, uniqueEmail } from "../support/users";
import { mailsTo, waitForMail } from "../support/mailbox";
import { sql } from "../support/database";

// Addresses that are not what they seem, on every form that takes one: one
// parser reads one mailbox and the mail library another (the class of Auth.js
// GHSA-7rqj-j65f-68wh and nodemailer GHSA-5jpx-9hw9-2fx4). Each is a field
// error, and whatever is accepted is mailed to the stored, normalised address
// (the SMTP envelope recipient the sink records).

const DECEPTIVE = ['"a@evil.test"@victim.test', "victim＠evil.test", "victim@victim.test <a@evil.test>"];
const INVALID = "Enter a valid email address, like name@example.com.";

async function outboxRowsTo(to: string): Promise<number> {
  return (await sql(`SELECT "id" FROM "OutboxMail" WHERE "to" = $1`, [to])).length;
}

/** A differently cased, padded spelling of a fresh address, and the address as it is stored. */
function oddlySpelled(label: string): { typed: string; stored: string } {
  const stored = uniqueEmail(label);
  return { typed: `  ${stored.toUpperCase()} `, stored };
}

async function fillRegistration(page: Page, email: string) {
  await page.goto("/register");
  await page.getByLabel("Name").fill("Val Victim");
  await setValue(page.getByLabel("Email"), email);
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByLabel("Confirm password").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function askForReset(page: Page, email: string) {
  await page.goto("/forgot-password");
  await setValue(page.getByLabel("Email"), email);
  await page.getByRole("button", { name: "Send reset link" }).click();
}

async function askForEmailChange(page: Page, email: string) {
  await page.goto("/profile/email");
  await setValue(page.getByLabel("New email"), email);
  await page.getByLabel("Current password").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
}

test.describe("deceptive addresses", () => {
  for (const address of DECEPTIVE) {
    test(`registration refuses ${JSON.stringify(address)}`, async ({ page }) => {
      await fillRegistration(page, address);
      await expect(page.getByLabel("Email")).toHaveAccessibleDescription(INVALID);
      await expect(page).toHaveURL("/register");
      expect(await outboxRowsTo(address)).toBe(0);
    });

    test(`a reset request for ${JSON.stringify(address)} is a field error and mails nothing`, async ({ page }) => {
      await askForReset(page, address);
      await expect(page.getByLabel("Email")).toHaveAccessibleDescription(INVALID);
      await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);
      expect(await outboxRowsTo(address)).toBe(0);
      expect(mailsTo("a@evil.test")).toEqual([]);
    });

    test(`an email change to ${JSON.stringify(address)} is refused`, async ({ page, signedInUser }) => {
      await askForEmailChange(page, address);
      await expect(page.getByLabel("New email")).toHaveAccessibleDescription(INVALID);
      await expect(page).toHaveURL("/profile/email");
      const [row] = await sql<{ pendingEmail: string | null }>(`SELECT "pendingEmail" FROM "User" WHERE "id" = $1`, [signedInUser.id]);
      expect(row?.pendingEmail).toBeNull();
    });
  }
});

test.describe("mail goes to the stored address", () => {
  test("registration: the confirmation goes to the address as stored", async ({ page }) => {
    const { typed, stored } = oddlySpelled("cased");
    await fillRegistration(page, typed);
    await expect(page).toHaveURL("/dashboard");
    const mail = await waitForMail(stored, "Confirm your email address");
    expect(mail.to).toEqual([stored]);
    expect((await sql<{ to: string }>(`SELECT "to" FROM "OutboxMail" WHERE "to" = $1`, [stored])).map((row) => row.to)).toEqual([stored]);
    expect(await outboxRowsTo(typed)).toBe(0);
  });

  test("reset: the link goes to the account's stored address, however it was typed", async ({ page }) => {
    const user = await createUser();
    await askForReset(page, `  ${user.email.toUpperCase()} `);
    await expect(page.getByRole("main").getByRole("status")).toContainText("If an account exists for that address");
    const mail = await waitForMail(user.email, "Reset your password");
    expect(mail.to).toEqual([user.email]);
    expect(await outboxRowsTo(user.email)).toBe(1);
  });

  test("email change: the confirmation goes to the new address as stored", async ({ page, signedInUser }) => {
    const { typed, stored } = oddlySpelled("moved");
    await askForEmailChange(page, typed);
    await expect(page).toHaveURL("/profile");
    const mail = await waitForMail(stored, "Confirm your new email address");
    expect(mail.to).toEqual([stored]);
    const [row] = await sql<{ pendingEmail: string | null }>(`SELECT "pendingEmail" FROM "User" WHERE "id" = $1`, [signedInUser.id]);
    expect(row?.pendingEmail).toBe(stored);
  });
});
