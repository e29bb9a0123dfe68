import { test, expect } from "./fixtures";
import { signInOverHttp } from "./fixtures";
import { postCredentialsForm } from "./support/credentials";

test.describe("profile", () => {
  test("the user renames themselves and the navigation follows", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    const name = page.getByLabel("Name", { exact: true });
    await expect(name).toHaveValue(signedInUser.name);
    await name.fill("Renamed Person");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Renamed Person");
  });

  test("an empty name is refused next to the field", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    await page.getByLabel("Name", { exact: true }).fill("   ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription("Enter your name.");
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(signedInUser.name);
  });

  test("changing the password needs the current one", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    await page.getByLabel("Current password").fill("this is not my password");
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Confirm new password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(
      "Your current password is not correct.",
    );
  });

  test("a mismatched confirmation is refused", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    await page.getByLabel("Current password").fill(signedInUser.password);
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Confirm new password").fill("another passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Confirm new password")).toHaveAccessibleDescription(
      "The new passwords do not match.",
    );
  });

  test("after changing the password only the new one signs in", async ({ page, signedInUser, browser }) => {
    test.slow(true, "waits for bcrypt: a CLI-made user, the current password checked, the new one hashed, two sign-ins");
    const newPassword = "a brand new passphrase";
    await page.goto("/profile");
    await page.getByLabel("Current password").fill(signedInUser.password);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/Your password has been changed\./);

    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const refused = await postCredentialsForm(other.request, signedInUser);
    expect(refused.headers().location).toContain("error=CredentialsSignin");
    await signInOverHttp(other.request, { email: signedInUser.email, password: newPassword });
    await other.close();
  });
});
