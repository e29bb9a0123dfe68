import { test, expect } from "../fixtures";

function expectNoStore(cacheControl: string | undefined, label: string) {
  expect(cacheControl ?? "", `${label}: Cache-Control`).toMatch(/(^|,\s*)no-store(\s*,|$)/);
}

test.describe("private answers are never stored", () => {
  test("signed-in pages send Cache-Control: no-store", async ({ page, signedInUser }) => {
    for (const path of ["/dashboard", "/profile"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await response?.text(), path).toContain(signedInUser.email);
      expectNoStore(response?.headers()["cache-control"], path);
    }
  });

  test("/api/me sends Cache-Control: no-store for a session, an API key and Basic auth", async ({
    page,
    playwright,
    baseURL,
    signedInUser,
  }) => {
    await page.goto("/profile");
    await page.getByLabel("Key name", { exact: true }).fill("Cache check");
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByLabel("New API key").textContent()) ?? "";
    expect(key).toMatch(/^lk_/);

    const machine = await playwright.request.newContext({ baseURL });
    const basic = `Basic ${Buffer.from(`${signedInUser.email}:${signedInUser.password}`).toString("base64")}`;
    const answers = [
      ["session", await page.request.get("/api/me")],
      ["API key", await machine.get("/api/me", { headers: { "X-API-Key": key } })],
      ["Basic", await machine.get("/api/me", { headers: { Authorization: basic } })],
    ] as const;
    for (const [label, response] of answers) {
      expect(response.status(), label).toBe(200);
      expect((await response.json()).email, label).toBe(signedInUser.email);
      expectNoStore(response.headers()["cache-control"], `/api/me (${label})`);
    }
    await machine.dispose();
  });

  test("after signing out, going Back does not show the private page again", async ({ page, signedInUser }) => {
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");

    await page.goBack();
    // Whatever Back shows (a fresh request that redirects, or the sign-in
    // page), it is not the dashboard with the user's details.
    await expect(page).not.toHaveURL("/dashboard");
    await expect(page.getByText(signedInUser.email)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
  });

  test("after signing out, going Back from a full page load does not show it either", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");
    // A full navigation elsewhere, so Back is the browser's own history, not the app router's.
    await page.goto("/");
    // history.back(), not page.goBack(): the second step lands on an entry the
    // app router made, which it may turn into a full navigation, and goBack()
    // then reports the navigation it was waiting for as aborted.
    await page.evaluate(() => history.back());
    await expect(page).toHaveURL("/login");
    await page.evaluate(() => history.back());
    // Profile asked again, and the server sends the visitor to sign in.
    await expect(page).toHaveURL("/login?next=%2Fprofile");
    await expect(page.getByText(signedInUser.email)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Profile" })).toHaveCount(0);
  });
});
