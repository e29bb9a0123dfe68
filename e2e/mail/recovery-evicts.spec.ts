import type { Page } from "@playwright/test";
import { test, expect } from "../fixtures";
import { otherBrowserPage, registerWithForm, signInWithForm } from "../support/browser";
import { DEFAULT_PASSWORD, uniqueEmail } from "../support/users";
import { waitForMail } from "../support/mailbox";
import { sql } from "../support/database";
import { confirmAccountReview, resetPasswordByMail } from "../support/password-reset";
import { turnOnTwoFactor } from "../support/totp";
import { addVirtualAuthenticator, withAutofillIdle } from "../support/virtual-authenticator";
import {
  CONFIRM_FIRST,
  addPasskey,
  askForEmailChange,
  createApiKey,
  emailChangeLink,
  openConfirmationLink,
  setEmailVerified,
  userRow,
} from "../support/account-setup";

// The takeover of issue 15: an account registered under a victim's address,
// kept after the owner recovers it. A reset of a never-confirmed account is
// the first proof of ownership and evicts everything; any reset, and any
// password change, cancels a pending email change.

const OWNER_PASSWORD = "the rightful owner's passphrase";

async function apiMeStatus(page: Page, key: string): Promise<number> {
  return (await page.request.get("/api/me", { headers: { "X-API-Key": key } })).status();
}

async function expectInvalidLink(page: Page) {
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has expired");
}

test.describe("a recovery evicts", () => {
  test("a squatter who registered the victim's address is refused factors, and a reset removes whatever was there", async ({
    page: squatter,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000); // several mails, bcrypt for registration, reset and sign-ins, a passkey ceremony
    const victim = uniqueEmail("victim");
    const squatterMailbox = uniqueEmail("squatter");
    await registerWithForm(squatter, { name: "Squatting Sid", email: victim, password: DEFAULT_PASSWORD });
    await expect(squatter).toHaveURL("/dashboard");
    await squatter.goto("/profile");
    await expect(squatter.getByText(CONFIRM_FIRST)).toHaveCount(3);

    // What an account could add before this rule existed: seeded with the
    // address counted as confirmed, then put back to unconfirmed.
    await setEmailVerified(victim, true);
    const authenticator = await addVirtualAuthenticator(squatter);
    await turnOnTwoFactor(squatter);
    await addPasskey(squatter, "Squatter's laptop");
    const key = await createApiKey(squatter, "Squatter's script");
    await askForEmailChange(squatter, squatterMailbox, DEFAULT_PASSWORD);
    const changeLink = await emailChangeLink(squatterMailbox);
    await setEmailVerified(victim, false);
    expect(await apiMeStatus(squatter, key)).toBe(200);

    const owner = await otherBrowserPage(browser, { baseURL });
    await resetPasswordByMail(owner, victim, OWNER_PASSWORD);

    const notice = await waitForMail(victim, "Your password was changed");
    expect(notice.text).toContain("This reset also confirmed your email address.");
    for (const item of ["the authenticator app", "10 recovery codes", "1 passkey", "1 API key"]) expect(notice.text).toContain(item);

    // The key, the session and the passkey are gone.
    expect(await apiMeStatus(owner, key)).toBe(401);
    await squatter.goto("/dashboard");
    await expect(squatter).toHaveURL(/\/login/);
    await withAutofillIdle(squatter, authenticator, () => squatter.goto("/login"));
    await squatter.getByRole("button", { name: "Sign in with a passkey" }).click();
    // The second /login may show the "session expired" flash again: on a slow
    // machine its cookie is still there until the first page's script deletes it.
    await expect(squatter.getByRole("main").getByRole("alert").filter({ hasText: "That passkey did not work" })).toBeVisible();
    expect((await squatter.request.get("/api/me")).status()).toBe(401);

    // The change link, opened after the reset, moves nothing.
    await openConfirmationLink(squatter, changeLink);
    await expectInvalidLink(squatter);

    // The owner's sign-in asks for no intruder's code; the address is theirs and confirmed.
    await owner.goto("/login");
    await signInWithForm(owner, victim, OWNER_PASSWORD);
    await expect(owner).not.toHaveURL(/\/login/);
    const me = (await (await owner.request.get("/api/me")).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ email: victim, emailVerified: true, twoFactor: { totp: false, passkeys: 0 } });
    await owner.goto("/profile");
    await expect(owner.getByText("Waiting for confirmation")).toHaveCount(0);
    await expect(owner.getByText("No passkeys yet.")).toBeVisible();
    const account = await userRow(victim);
    expect(account).toMatchObject({ pendingEmail: null });
    const [reset] = await sql<{ detail: string }>(
      `SELECT "detail" FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'password.reset'`,
      [account?.id],
    );
    expect(reset?.detail).toContain("the address had never been confirmed and now is; removed what was set up before: the authenticator app");
    await owner.context().close();
  });

  test("a reset of a confirmed account keeps its factors and keys but cancels a pending email change", async ({
    page,
    twoFactorUser,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000); // a two-factor sign-up, mails, bcrypt for the reset and the sign-in
    const key = await createApiKey(page, "Backup job");
    const newEmail = uniqueEmail("moving");
    await askForEmailChange(page, newEmail, twoFactorUser.password);
    const link = await emailChangeLink(newEmail);

    const other = await otherBrowserPage(browser, { baseURL });
    await resetPasswordByMail(other, twoFactorUser.email, OWNER_PASSWORD);
    expect(await apiMeStatus(other, key)).toBe(200);
    expect(await userRow(twoFactorUser.email)).toMatchObject({ pendingEmail: null });
    const notice = await waitForMail(twoFactorUser.email, "Your password was changed");
    expect(notice.text).not.toContain("This reset also confirmed");

    await openConfirmationLink(other, link);
    await expectInvalidLink(other);
    // The owner's own code is still asked for; then the review a reset asks for.
    await other.goto(`/login?${new URLSearchParams({ next: "/profile" })}`);
    await signInWithForm(other, twoFactorUser.email, OWNER_PASSWORD);
    await expect(other).toHaveURL("/login/two-factor");
    await other.getByLabel("Authentication code").fill(await twoFactorUser.app.nextCode());
    await other.getByRole("button", { name: "Verify" }).click();
    await confirmAccountReview(other);
    await expect(other).toHaveURL("/profile");
    await expect(other.getByText("Waiting for confirmation")).toHaveCount(0);
    expect((await (await other.request.get("/api/me")).json()).email).toBe(twoFactorUser.email);
    await other.context().close();
  });

  test("changing the password on the profile cancels a pending email change", async ({ page, signedInUser }) => {
    test.slow(); // bcrypt for the email change and the password change, a mail
    const newEmail = uniqueEmail("moving");
    await askForEmailChange(page, newEmail, signedInUser.password);
    const link = await emailChangeLink(newEmail);

    await page.goto("/profile");
    await page.getByLabel("Current password").fill(signedInUser.password);
    await page.getByLabel("New password", { exact: true }).fill(OWNER_PASSWORD);
    await page.getByLabel("Confirm new password").fill(OWNER_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Waiting for confirmation")).toHaveCount(0);
    await expect(page.getByRole("cell", { name: "Email change cancelled" })).toBeVisible();

    await openConfirmationLink(page, link);
    await expectInvalidLink(page);
    expect((await (await page.request.get("/api/me")).json()).email).toBe(signedInUser.email);
  });
});
