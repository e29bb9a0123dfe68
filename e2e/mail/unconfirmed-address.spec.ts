import type { Page } from "@playwright/test";
import { test, expect, signInOverHttp } from "../fixtures";
import { registerWithForm } from "../support/browser";
import { DEFAULT_PASSWORD, uniqueEmail } from "../support/users";
import { linkIn, waitForMail } from "../support/mailbox";
import { sql } from "../support/database";
import { addVirtualAuthenticator } from "../support/virtual-authenticator";
import { TestAuthenticator, readSetupKey } from "../support/totp";
import { CONFIRM_FIRST, ORIGIN, openConfirmationLink, setEmailVerified, userRow } from "../support/account-setup";

// An address proves nothing until it is confirmed: anyone can register
// someone else's address, so until the mailed link is opened the account
// cannot add an authenticator app, a passkey or an API key (each would
// survive the owner's recovery of the account). Changing the email stays
// allowed, so a mistyped address can be fixed.

const section = (page: Page, name: string) => page.getByRole("region", { name });
const SECTIONS = ["Two-factor authentication", "Passkeys", "API keys"];

async function registerUnconfirmed(page: Page, name = "Squatting Sid") {
  const email = uniqueEmail("victim");
  await registerWithForm(page, { name, email, password: DEFAULT_PASSWORD });
  await expect(page).toHaveURL("/dashboard");
  return email;
}

test.describe("an unconfirmed address", () => {
  test("cannot add an authenticator app, a passkey or an API key; each place says so with the resend button", async ({ page }) => {
    test.slow(); // registration's bcrypt
    const email = await registerUnconfirmed(page);
    await page.goto("/profile");
    for (const name of SECTIONS) {
      await expect(section(page, name)).toContainText(CONFIRM_FIRST);
      await expect(section(page, name).getByRole("button", { name: "Resend confirmation email" })).toBeVisible();
    }
    await expect(page.getByLabel("Key name", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Passkey name")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Set up two-factor authentication" })).toHaveCount(0);
    // Changing the email stays allowed.
    await expect(page.getByRole("link", { name: "Change email" })).toBeVisible();

    // The setup page starts no setup: no secret is made.
    await page.goto("/profile/two-factor");
    await expect(page.getByRole("main")).toContainText(CONFIRM_FIRST);
    await expect(page.getByRole("main").getByRole("button", { name: "Resend confirmation email" })).toBeVisible();
    await expect(page.getByText(/^Setup key/)).toHaveCount(0);
    await expect(page.getByLabel("Authentication code")).toHaveCount(0);
    const row = await userRow(email);
    expect(await sql(`SELECT "userId" FROM "TotpCredential" WHERE "userId" = $1`, [row?.id])).toEqual([]);
  });

  test("the resend button sends a new link and comes back; once confirmed, the forms are there", async ({ page }) => {
    test.slow(); // two confirmation mails through the outbox
    const email = await registerUnconfirmed(page, "Mistaken Mo");
    await waitForMail(email, "Confirm your email address");
    await page.goto("/profile");
    await section(page, "API keys").getByRole("button", { name: "Resend confirmation email" }).click();
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("status").filter({ hasText: `We have sent a new confirmation link to ${email}.` })).toBeVisible();

    await openConfirmationLink(page, linkIn(await waitForMail(email, "Confirm your email address", { count: 2 }), "/verify-email?token=", ORIGIN));
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByText(CONFIRM_FIRST)).toHaveCount(0);
    await expect(page.getByLabel("Key name", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Passkey name")).toBeVisible();
    await expect(page.getByRole("link", { name: "Set up two-factor authentication" })).toBeVisible();
  });

  test("the actions refuse too, with the message in the form, when the address stops being confirmed under an open page", async ({
    page,
    user,
  }) => {
    test.slow(); // a sign-in and several actions, each checking the session
    await signInOverHttp(page.request, user, { userAgent: await page.evaluate(() => navigator.userAgent) });
    await addVirtualAuthenticator(page);
    await page.goto("/profile");
    await setEmailVerified(user.email, false);

    await page.getByLabel("Key name", { exact: true }).fill("Deploy script");
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(CONFIRM_FIRST);
    await expect(page.getByLabel("New API key")).toHaveCount(0);

    await page.getByLabel("Passkey name").fill("Laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(section(page, "Passkeys").getByRole("alert")).toContainText(CONFIRM_FIRST);

    await setEmailVerified(user.email, true);
    await page.goto("/profile/two-factor");
    const app = new TestAuthenticator(await readSetupKey(page));
    await setEmailVerified(user.email, false);
    await page.getByLabel("Authentication code").fill(await app.nextCode());
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(CONFIRM_FIRST);

    const { id } = (await userRow(user.email)) ?? { id: "" };
    expect(await sql(`SELECT "id" FROM "ApiKey" WHERE "userId" = $1`, [id])).toEqual([]);
    expect(await sql(`SELECT "id" FROM "Passkey" WHERE "userId" = $1`, [id])).toEqual([]);
    expect(await sql(`SELECT "userId" FROM "TotpCredential" WHERE "userId" = $1 AND "enabledAt" IS NOT NULL`, [id])).toEqual([]);
    expect((await (await page.request.get("/api/me")).json()).twoFactor).toEqual({ totp: false, passkeys: 0 });
  });
});
