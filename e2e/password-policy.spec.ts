import { test, expect, signInOverHttp } from "./fixtures";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/users";

const TOO_COMMON = "This password is too common. Choose another.";

test.describe("password policy", () => {
  test("registering with a common password is refused next to the field and writes nothing", async ({ page }) => {
    const email = uniqueEmail("common");
    await page.goto("/register");
    await page.getByLabel("Name").fill("Common Carl");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("Password123");
    await page.getByLabel("Confirm password").fill("Password123");
    await page.getByRole("button", { name: "Create account" }).click();

    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(new RegExp(`${TOO_COMMON}$`));
    await expect(page.getByLabel("Confirm password")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL("/register");
    // The cleared field no longer shows a strength for the refused password.
    await expect(password).toHaveValue("");
    await expect(page.getByText(/^Strength:/)).toHaveCount(0);

    // Nothing was written: the same email can still register, with a good passphrase.
    await password.fill(DEFAULT_PASSWORD);
    await page.getByLabel("Confirm password").fill(DEFAULT_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL("/dashboard");
  });

  test("the register form shows a live strength hint as one types", async ({ page }) => {
    await page.goto("/register");
    const password = page.getByLabel("Password", { exact: true });
    const hint = page.locator("[aria-live=polite]").filter({ hasText: /^Strength:/ });
    await expect(hint).toHaveCount(0);

    await password.pressSequentially("pass");
    await expect(hint).toHaveText("Strength: Weak");
    await expect(password).toHaveAccessibleDescription(/Strength: Weak/);

    await password.pressSequentially(" mango");
    await expect(hint).toHaveText("Strength: Fair");

    await password.pressSequentially(" orbit");
    await expect(hint).toHaveText("Strength: Strong");
    await expect(password).toHaveAccessibleDescription(/A long passphrase is best\. Strength: Strong$/);

    await password.clear();
    await expect(hint).toHaveCount(0);
  });

  test("the change-password form refuses a common new password", async ({ page, browser, signedInUser }) => {
    await page.goto("/profile");
    await page.getByLabel("Current password").fill(signedInUser.password);
    const newPassword = page.getByLabel("New password", { exact: true });
    await newPassword.fill("iloveyou1");
    await expect(page.getByText(/^Strength:/)).toHaveText("Strength: Weak");
    await page.getByLabel("Confirm new password").fill("iloveyou1");
    await page.getByRole("button", { name: "Change password" }).click();

    await expect(newPassword).toHaveAttribute("aria-invalid", "true");
    await expect(newPassword).toHaveAccessibleDescription(new RegExp(`${TOO_COMMON}$`));
    await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);

    // The password did not change: the old one still signs in elsewhere.
    const other = await browser.newContext();
    await signInOverHttp(other.request, signedInUser);
    await other.close();
  });
});
