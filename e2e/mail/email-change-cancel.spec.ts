import { test, expect, signInOverHttp } from "../fixtures";
import { otherBrowser } from "../support/browser";
import { uniqueEmail } from "../support/users";
import { waitForMail } from "../support/mailbox";
import { sql } from "../support/database";
import { askForEmailChange, cancelLink, emailChangeLink, openConfirmationLink, userRow } from "../support/account-setup";

// "This wasn't me" in the mail to the old address: opening the link shows one
// button and changes nothing (mail scanners open links too); the button
// cancels the change, signs every session out and sends the owner to reset
// the password.

const CANCELLED = "The email change was cancelled and everyone was signed out of your account.";

test.describe("This wasn't me", () => {
  test("the old address cancels the change with one button, everyone is signed out, and the owner is sent to reset", async ({
    page,
    signedInUser,
    browser,
    baseURL,
  }) => {
    test.slow(); // mails through the outbox, a second browser
    const laptop = await otherBrowser(browser, { baseURL });
    const laptopPage = await laptop.newPage();
    await signInOverHttp(laptop.request, signedInUser, { userAgent: await laptopPage.evaluate(() => navigator.userAgent) });

    const newEmail = uniqueEmail("intruder");
    await askForEmailChange(page, newEmail, signedInUser.password);
    const warning = await waitForMail(signedInUser.email, "Your email address is being changed");
    expect(warning.text).toContain("This wasn't me");
    const link = await cancelLink(signedInUser.email);
    const changeLink = await emailChangeLink(newEmail);

    // Opening it (as a scanner would, twice) changes nothing, is not cached, and refers no token.
    for (let open = 1; open <= 2; open++) {
      const response = await page.request.get(link);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toMatch(/(^|,\s*)no-store(\s*,|$)/);
      // The origin only, never the token; unlike no-referrer it keeps the Origin of the button's post.
      expect(response.headers()["referrer-policy"]).toBe("strict-origin");
    }
    expect(await userRow(signedInUser.email)).toMatchObject({ pendingEmail: newEmail });
    await page.goto("/profile");
    await expect(page.getByText(`Waiting for confirmation: ${newEmail}.`)).toBeVisible();

    // The owner reads the mail in a browser without JavaScript: a plain form post.
    const phone = await otherBrowser(browser, { baseURL, javaScriptEnabled: false });
    const phonePage = await phone.newPage();
    await phonePage.goto(link);
    await expect(phonePage.getByRole("heading", { name: "Cancel the email change" })).toBeVisible();
    await expect(phonePage.getByRole("main")).toContainText(newEmail);
    await expect(phonePage.getByRole("main").getByRole("button")).toHaveCount(1);
    await phonePage.getByRole("button", { name: "Cancel the email change" }).click();
    await expect(phonePage).toHaveURL("/forgot-password");
    await expect(phonePage.getByRole("status").filter({ hasText: CANCELLED })).toBeVisible();
    await expect(phonePage.getByLabel("Email")).toBeVisible();

    expect(await userRow(signedInUser.email)).toMatchObject({ pendingEmail: null });
    for (const signedOut of [page, laptopPage]) {
      await signedOut.goto("/dashboard");
      await expect(signedOut).toHaveURL(/\/login/);
    }
    const [event] = await sql<{ detail: string }>(
      `SELECT "detail" FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'email_change.cancelled'`,
      [signedInUser.id],
    );
    expect(event?.detail).toContain(`to ${newEmail}`);

    // Both links are spent: the change cannot complete, the page offers no button.
    await openConfirmationLink(page, changeLink);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has expired");
    await phonePage.goto(link);
    await expect(phonePage.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has expired");
    await expect(phonePage.getByRole("button", { name: "Cancel the email change" })).toHaveCount(0);
    await expect(phonePage.getByRole("link", { name: "Reset your password" })).toHaveAttribute("href", "/forgot-password");
    await laptop.close();
    await phone.close();
  });

  test("unknown and mangled links show the invalid-link page", async ({ page }) => {
    for (const token of ["", "x", "A".repeat(43), "A".repeat(5000)]) {
      const response = await page.goto(`/email-change/cancel?token=${encodeURIComponent(token)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has expired");
    }
  });

  test("a link whose change was confirmed no longer cancels anything", async ({ page, signedInUser }) => {
    test.slow(); // two mails through the outbox
    const newEmail = uniqueEmail("moved");
    await askForEmailChange(page, newEmail, signedInUser.password);
    const link = await cancelLink(signedInUser.email);
    await openConfirmationLink(page, await emailChangeLink(newEmail));
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
    await page.goto(link);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has expired");
  });
});
