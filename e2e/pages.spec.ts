import { test, expect } from "./fixtures";

test.describe("public pages", () => {
  test("the landing page explains Latchkey and offers sign-in and registration", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Latchkey");
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await main.getByRole("link", { name: "Create account" }).click();
    await expect(page).toHaveURL("/register");
  });

  test("an unknown address gets the styled 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await expect(page).toHaveURL("/");
  });

  test("pages fit a phone screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ["/", "/login", "/register"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows`).toBeLessThanOrEqual(0);
    }
  });

  test("pages follow the system dark preference", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/login");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: "light" });
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe(lightBackground);
  });
});
