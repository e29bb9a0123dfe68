import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { otherBrowserPage, signInWithForm, signOut } from "./support/browser";
import { createUser } from "./support/users";
import { waitForMail } from "./support/mailbox";
import { confirmAccountReview, resetPasswordByMail } from "./support/password-reset";
import { addVirtualAuthenticator, withAutofillIdle } from "./support/virtual-authenticator";

// After a password reset, the first sign-in by any method lands on "Review
// your account" (/profile/review) before `next`: whoever had the account may
// have left a passkey, a key, an authenticator app or a session behind.

const NEW_PASSWORD = "a new passphrase after the reset";
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const OTHER_IP = "203.0.113.50";
// How the pages name the tests' own browser (Playwright's "Desktop Chrome" user agent).
const THIS_BROWSER = "Chrome on Windows";

function reviewList(page: Page, name: string) {
  return page.getByRole("list", { name }).getByRole("listitem");
}


test.describe("review your account after a reset", () => {
  // Several bcrypt sign-ins, a reset and mail round trips: more than the default 30 s on a busy machine.
  test.slow();

  test("a password sign-in lands on the review with `next` kept; each Remove works; then on to `next`, and only once", async ({
    page,
    browser,
    request,
  }) => {
    const user = await createUser({ name: "Reviewing Rita" });
    // Someone else adds a passkey and an API key from another browser.
    const other = await otherBrowserPage(browser, { userAgent: FIREFOX_ON_WINDOWS, ip: OTHER_IP });
    const otherAuthenticator = await addVirtualAuthenticator(other);
    await other.goto("/login");
    await signInWithForm(other, user.email, user.password);
    await expect(other).toHaveURL("/dashboard");
    await other.goto("/profile");
    await other.getByLabel("Passkey name").fill("Other laptop");
    await other.getByRole("button", { name: "Add a passkey" }).click();
    await expect(other.getByRole("main").getByRole("status")).toContainText("Passkey “Other laptop” added.");
    await other.getByLabel("Key name", { exact: true }).fill("Other script");
    await other.getByRole("button", { name: "Create API key" }).click();
    const key = (await other.getByLabel("New API key").textContent()) ?? "";
    expect((await request.get("/api/me", { headers: { "X-API-Key": key } })).status()).toBe(200);

    // The reset mail lists them, each with when and from where, and says a review follows.
    const mail = await resetPasswordByMail(page, user.email, NEW_PASSWORD);
    expect(mail.text).toMatch(/- Passkey “Other laptop”, added .+ UTC from Firefox on Windows, 203\.0\.113\.50/);
    expect(mail.text).toMatch(/- API key “Other script \(lk_[\w-]+…\)”, added .+ UTC from Firefox on Windows, 203\.0\.113\.50/);
    expect(mail.text).toMatch(/- Signed-in session, added .+ UTC from Firefox on Windows, 203\.0\.113\.50/);
    expect(mail.text).toContain("After the reset, your first sign-in asks you to review them");
    expect(mail.html).toContain("<li>Passkey “Other laptop”");

    await page.goto(`/login?${new URLSearchParams({ next: "/profile" })}`);
    await signInWithForm(page, user.email, NEW_PASSWORD);
    await expect(page).toHaveURL("/profile/review?next=%2Fprofile");
    await expect(reviewList(page, "Passkeys").filter({ hasText: "Other laptop" })).toContainText(
      "from Firefox on Windows, 203.0.113.50",
    );
    await expect(reviewList(page, "API keys").filter({ hasText: "Other script" })).toContainText(
      "from Firefox on Windows, 203.0.113.50",
    );
    await expect(page.getByText("No authenticator app.")).toBeVisible();
    // The reset signed every session out: only this one is left, without a Remove.
    await expect(reviewList(page, "Sessions")).toHaveCount(1);
    await expect(reviewList(page, "Sessions")).toContainText("This device");
    await expect(reviewList(page, "Sessions").getByRole("button")).toHaveCount(0);

    // The other browser signs in again with the new password (it lands on the review too). Without
    // its authenticator, or the sign-in page's passkey autofill would sign it in a second time.
    await otherAuthenticator.remove();
    await other.goto("/login");
    await signInWithForm(other, user.email, NEW_PASSWORD);
    await expect(other).toHaveURL("/profile/review");
    await page.reload();
    const otherSession = reviewList(page, "Sessions").filter({ hasText: "Firefox on Windows" });
    await expect(otherSession).toContainText(`from Firefox on Windows, ${OTHER_IP}`);

    await page.getByRole("button", { name: /^Remove passkey Other laptop/ }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("The passkey “Other laptop” has been removed.");
    await expect(page).toHaveURL("/profile/review?next=%2Fprofile");
    await expect(page.getByText("No passkeys.")).toBeVisible();
    await waitForMail(user.email, "A passkey was removed");

    await page.getByRole("button", { name: /^Remove API key Other script/ }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("The API key “Other script” has been revoked.");
    expect((await request.get("/api/me", { headers: { "X-API-Key": key } })).status()).toBe(401);
    await waitForMail(user.email, "An API key was revoked");

    await otherSession.getByRole("button", { name: /^Remove session Firefox on Windows/ }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("That session has been signed out.");
    await expect(reviewList(page, "Sessions")).toHaveCount(1);
    await other.goto("/dashboard");
    await expect(other).toHaveURL(/\/login/);
    await other.context().close();

    await confirmAccountReview(page);
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("main")).toContainText("Account reviewed after a password reset");

    // Reviewed: the next sign-in goes straight on.
    await signOut(page);
    await signInWithForm(page, user.email, NEW_PASSWORD);
    await expect(page).toHaveURL("/dashboard");
  });

  test("password and code land on the review, where Remove turns the authenticator app off (recorded and mailed)", async ({
    page,
    twoFactorUser,
  }) => {
    await page.goto("/dashboard");
    await signOut(page);
    const mail = await resetPasswordByMail(page, twoFactorUser.email, NEW_PASSWORD);
    expect(mail.text).toMatch(new RegExp(`- Authenticator app, added .+ UTC from ${THIS_BROWSER}, [\\d.]+`));

    await signInWithForm(page, twoFactorUser.email, NEW_PASSWORD);
    await expect(page).toHaveURL("/login/two-factor");
    await page.getByLabel("Authentication code").fill(await twoFactorUser.app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/profile/review");
    const app = reviewList(page, "Authenticator app");
    await expect(app).toContainText(new RegExp(`Added .+ UTC from ${THIS_BROWSER}, [\\d.]+`));

    await app.getByRole("button", { name: /^Remove Authenticator app/ }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("The authenticator app has been turned off.");
    await expect(page.getByText("No authenticator app.")).toBeVisible();
    const off = await waitForMail(twoFactorUser.email, "Two-factor authentication is off");
    expect(off.text).toContain("your password alone signs in again");

    await confirmAccountReview(page);
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/profile");
    await expect(page.getByRole("main")).toContainText("Two-factor authentication turned off");
    // Without the app, the password alone signs in, straight to the dashboard.
    await signOut(page);
    await signInWithForm(page, twoFactorUser.email, NEW_PASSWORD);
    await expect(page).toHaveURL("/dashboard");
  });

  test("a recovery code sign-in after a reset lands on the review too", async ({ page, twoFactorUser }) => {
    await page.goto("/dashboard");
    await signOut(page);
    await resetPasswordByMail(page, twoFactorUser.email, NEW_PASSWORD);
    await page.goto(`/login?${new URLSearchParams({ next: "/profile/two-factor" })}`);
    await signInWithForm(page, twoFactorUser.email, NEW_PASSWORD);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(twoFactorUser.recoveryCodes[0] as string);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/profile/review?next=%2Fprofile%2Ftwo-factor");
    await confirmAccountReview(page);
    await expect(page).toHaveURL("/profile/two-factor");
  });

  test("a passkey sign-in after a reset lands on the review too", async ({ page, signedInUser }) => {
    let authenticator = await addVirtualAuthenticator(page);
    await page.goto("/profile");
    await page.getByLabel("Passkey name").fill("My phone");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Passkey “My phone” added.");
    // Signing out and the reset both end on /login, whose autofill would sign in at once (and
    // abort the next navigation): keep it idle through both, then use the button.
    authenticator = await withAutofillIdle(page, authenticator, async () => {
      await signOut(page);
      await resetPasswordByMail(page, signedInUser.email, NEW_PASSWORD);
    });
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL("/profile/review");
    await expect(reviewList(page, "Passkeys").filter({ hasText: "My phone" })).toContainText(new RegExp(`from ${THIS_BROWSER}, [\\d.]+`));
    expect(await authenticator.credentials()).toHaveLength(1);
    await confirmAccountReview(page);
    await expect(page).toHaveURL("/dashboard");
  });

  test("the review needs a signed-in, fresh session", async ({ page }) => {
    await page.goto("/profile/review?next=%2Fprofile");
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/profile/review?next=%2Fprofile")}`);
  });
});
