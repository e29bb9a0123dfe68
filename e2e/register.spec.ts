import { test, expect } from "./fixtures";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/users";
import type { Page } from "@playwright/test";

async function fillRegistration(page: Page, fields: { name: string; email: string; password: string; confirm: string }) {
  await page.getByLabel("Name").fill(fields.name);
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Password", { exact: true }).fill(fields.password);
  await page.getByLabel("Confirm password").fill(fields.confirm);
}

test.describe("registration", () => {
  test("a visitor creates an account and lands on the dashboard, welcomed by name", async ({ page }) => {
    await page.goto("/register");
    await fillRegistration(page, {
      name: "Ada Lovelace",
      email: uniqueEmail("ada"),
      password: DEFAULT_PASSWORD,
      confirm: DEFAULT_PASSWORD,
    });
    const submit = page.getByRole("button", { name: "Create account" });
    await submit.click();
    // Hashing takes a few hundred milliseconds: the button stays disabled meanwhile.
    await expect(submit).toBeDisabled();

    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/Welcome to Latchkey, Ada Lovelace!/);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Ada Lovelace");
  });

  test("an email that is already registered gets a field error", async ({ page, user }) => {
    await page.goto("/register");
    // Differently cased and padded: emails are compared normalised.
    await fillRegistration(page, {
      name: "Someone Else",
      email: `  ${user.email.toUpperCase()} `,
      password: DEFAULT_PASSWORD,
      confirm: DEFAULT_PASSWORD,
    });
    await page.getByRole("button", { name: "Create account" }).click();

    const email = page.getByLabel("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/An account with this email already exists/);
    await expect(page).toHaveURL("/register");
  });

  test("an empty form gets one message per field", async ({ page }) => {
    await page.goto("/register");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(
      /Use at least 8 characters\.$/,
    );
    for (const label of ["Name", "Email"]) {
      await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
    }
  });

  test("invalid fields keep typed values, clear passwords, and write nothing", async ({ page }) => {
    const email = uniqueEmail("kept");
    await page.goto("/register");
    await fillRegistration(page, { name: "Grace Hopper", email, password: "short", confirm: "different" });
    await page.getByRole("button", { name: "Create account" }).click();

    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveAccessibleDescription(/Use at least 8 characters\./);
    await expect(page.getByLabel("Confirm password")).toHaveAccessibleDescription("The passwords do not match.");
    await expect(page.getByLabel("Name")).toHaveValue("Grace Hopper");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(password).toHaveValue("");
    await expect(page.getByLabel("Confirm password")).toHaveValue("");

    // Nothing was written: the same email can still register.
    await fillRegistration(page, { name: "Grace Hopper", email, password: DEFAULT_PASSWORD, confirm: DEFAULT_PASSWORD });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL("/dashboard");
  });

  test("a malformed email is refused with a message next to the field", async ({ page }) => {
    await page.goto("/register");
    await fillRegistration(page, { name: "Alan", email: "not-an-email", password: DEFAULT_PASSWORD, confirm: DEFAULT_PASSWORD });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter a valid email address/);
    await expect(page.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  });

  test("a name that looks like HTML is shown as text", async ({ page }) => {
    const name = "<img src=x onerror=alert(1)>";
    await page.goto("/register");
    await fillRegistration(page, { name, email: uniqueEmail("html"), password: DEFAULT_PASSWORD, confirm: DEFAULT_PASSWORD });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(name);
    await expect(page.locator("img[src='x']")).toHaveCount(0);
  });
});
