import { test, expect } from "./fixtures";
import { createUser, setUserActive, uniqueEmail } from "./support/users";
import { signInWithForm as signIn } from "./support/browser";

test.describe("sign in", () => {
  test("the form has the fields, the remember-me box and a link to register", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Remember me" })).not.toBeChecked();
    await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL("/register");
  });

  test("a protected page sends the visitor to sign in and back again", async ({ page, user }) => {
    await page.goto("/profile?tab=password");
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/profile?tab=password")}`);
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL("/profile?tab=password");
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  });

  test("sign-in updates the last sign-in time shown on the dashboard", async ({ page, user }) => {
    await page.goto("/login");
    await signIn(page, ` ${user.email.toUpperCase()} `, user.password);
    await expect(page).toHaveURL("/dashboard");
    const lastSignIn = page.getByRole("definition").filter({ hasText: "UTC" });
    await expect(lastSignIn).toHaveCount(1);
    const shown = await lastSignIn.textContent();
    const year = new Date().getUTCFullYear().toString();
    expect(shown).toContain(year);
    await expect(page.getByText(user.email)).toBeVisible();
  });

  test("a wrong password and an unknown email get the same message", async ({ page, user }) => {
    await page.goto("/login");
    await signIn(page, user.email, "not the right password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await expect(page).toHaveURL("/login");
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await signIn(page, uniqueEmail("nobody"), "not the right password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
  });

  for (const unsafe of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/%2F%2Fevil.example"]) {
    test(`an unsafe next (${unsafe}) is ignored in favour of the dashboard`, async ({ page, user }) => {
      await page.goto(`/login?next=${encodeURIComponent(unsafe)}`);
      await signIn(page, user.email, user.password);
      await expect(page).toHaveURL("/dashboard");
    });
  }

  test("a deactivated account cannot sign in", async ({ page }) => {
    const user = await createUser();
    await setUserActive(user.email, false);
    await page.goto("/login");
    await signIn(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("deactivated");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("the form works with the keyboard alone", async ({ page, user }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/dashboard");
  });
});
