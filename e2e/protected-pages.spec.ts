import { test, expect } from "./fixtures";
import { setUserActive } from "./support/users";

test.describe("protected pages", () => {
  for (const path of ["/dashboard", "/profile", "/dashboard/anything/below?x=1"]) {
    test(`${path} sends a signed-out visitor to sign in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(`/login?next=${encodeURIComponent(path)}`);
      await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    });
  }

  test("a forged session cookie is not a session", async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: "authjs.session-token", value: "forged", url: baseURL ?? "" }]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("the dashboard shows who is signed in", async ({ page, signedInUser }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    await expect(page.getByText("Member since")).toBeVisible();
    await expect(page.getByText("Last sign-in")).toBeVisible();
  });

  test("the server checks again next to the data: a deactivated user's valid token shows nothing", async ({
    page,
    signedInUser,
  }) => {
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    // The token still passes middleware's optimistic check…
    await setUserActive(signedInUser.email, false);
    await page.goto("/dashboard");
    // …but the page's own check refuses it.
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
    await expect(page.getByText(signedInUser.email)).toHaveCount(0);
  });

  test("signed-in users who open sign-in or registration go to the dashboard", async ({ page, signedInUser }) => {
    await page.goto("/login");
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/register");
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(signedInUser.name);
  });

  test("the navigation shows the user's links when signed in", async ({ page, signedInUser }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toContainText(signedInUser.name);
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Go to dashboard" })).toBeVisible();
  });
});
