import { test, expect } from "./fixtures";

test.describe("sign out", () => {
  test("signing out ends the session and says so", async ({ page, signedInUser }) => {
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/You have been signed out\./);
    await expect(page.getByRole("navigation", { name: "Main" })).not.toContainText(signedInUser.name);

    await page.goto("/dashboard");
    await expect(page).toHaveURL("/login?next=%2Fdashboard");
    // The message was shown once, not again.
    await expect(page.getByText("You have been signed out.")).toHaveCount(0);
  });

  test("a GET request cannot sign anyone out", async ({ page, signedInUser }) => {
    await page.request.get("/api/auth/signout");
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
  });
});
