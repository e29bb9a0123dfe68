import { test, expect } from "../fixtures";
import { signInWithForm, signOut } from "../support/browser";
import { linkIn, waitForMail } from "../support/mailbox";
import { APP_PORT } from "../support/mail-settings";
import { confirmAccountReview } from "../support/password-reset";

const ORIGIN = `http://localhost:${APP_PORT}`;
const NEW_PASSWORD = "a brand new passphrase after the reset";


test.describe("two-factor authentication and mail", () => {
  // Setting up the factor, a reset mail, two bcrypt hashes and a code step: more than the default 30 s on a busy machine.
  test.slow();
  test("turning it on is mailed", async ({ twoFactorUser }) => {
    const mail = await waitForMail(twoFactorUser.email, "Two-factor authentication is on");
    expect(mail.text).toContain(`Hello ${twoFactorUser.name},`);
    expect(mail.text).toContain("recovery codes");
  });

  test("a password reset keeps the second factor and signs nobody in", async ({ page, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(twoFactorUser.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const link = linkIn(await waitForMail(twoFactorUser.email, "Reset your password"), "/reset-password?token=", ORIGIN);
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL("/login");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);

    // The new password is only the first step: the code is still asked for.
    await page.goto("/login");
    await signInWithForm(page, twoFactorUser.email, NEW_PASSWORD);
    await expect(page).toHaveURL("/login/two-factor");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.goto("/login/two-factor");
    await page.getByLabel("Authentication code").fill(await twoFactorUser.app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    // The first sign-in after a reset reviews the account first (e2e/account-review.spec.ts).
    await expect(page).toHaveURL("/profile/review");
    await confirmAccountReview(page);
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/profile/two-factor");
    await expect(page.getByText("Two-factor authentication is on", { exact: true })).toBeVisible();
  });

  test("a recovery code used, and turning it off, are mailed", async ({ page, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await signInWithForm(page, twoFactorUser.email, twoFactorUser.password);
    await expect(page).toHaveURL("/login/two-factor");
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(twoFactorUser.recoveryCodes[3] as string);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/dashboard");
    const used = await waitForMail(twoFactorUser.email, "A recovery code was used");
    expect(used.text).toContain("You have 9 recovery codes left.");

    await page.goto("/profile/two-factor");
    await page.getByLabel("Authentication or recovery code").fill(twoFactorUser.recoveryCodes[4] as string);
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Two-factor authentication is off.");
    const off = await waitForMail(twoFactorUser.email, "Two-factor authentication is off");
    expect(off.text).toContain("your password alone signs in again");
  });
});
