import { test, expect } from "../fixtures";
import { otherBrowser } from "../support/browser";
import { DEFAULT_PASSWORD, uniqueEmail } from "../support/users";
import type { Page } from "@playwright/test";

const BROWSERS = 10;
const DUPLICATE = "An account with this email already exists. Sign in instead.";

test.describe("concurrent registration", () => {
  test("ten simultaneous registrations of one email create exactly one account", async ({
    browser,
    baseURL,
    playwright,
  }) => {
    // Ten bcrypt hashes, then one sign-in.
    test.setTimeout(120_000);
    const email = uniqueEmail("race");
    // Each browser is its own client address: registration allows 10 an hour per address.
    const contexts = await Promise.all(
      Array.from({ length: BROWSERS }, () =>
        otherBrowser(browser, { baseURL }),
      ),
    );
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    await Promise.all(
      pages.map(async (page, index) => {
        await page.goto("/register");
        await page.getByLabel("Name").fill(`Racer ${index}`);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
        await page.getByLabel("Confirm password").fill(DEFAULT_PASSWORD);
      }),
    );

    await Promise.all(pages.map((page) => page.getByRole("button", { name: "Create account" }).click()));
    const outcomes = await Promise.all(pages.map((page) => outcomeOf(page)));

    expect(outcomes.filter((outcome) => outcome === "registered")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(BROWSERS - 1);

    // The one account works, under the winner's name.
    const winner = pages[outcomes.indexOf("registered")] as Page;
    await expect(winner.getByRole("main").getByRole("status")).toHaveText(/Welcome to Latchkey, Racer \d!/);
    const machine = await playwright.request.newContext({ baseURL });
    const me = await machine.get("/api/me", {
      headers: { Authorization: `Basic ${Buffer.from(`${email}:${DEFAULT_PASSWORD}`).toString("base64")}` },
    });
    expect(me.status()).toBe(200);
    const body = (await me.json()) as { email: string; name: string };
    expect(body.email).toBe(email);
    expect(await winner.getByTestId("nav-user-name").textContent()).toBe(body.name);
    await machine.dispose();
    await Promise.all(contexts.map((context) => context.close()));
  });
});

/** Where a submitted registration ended: the dashboard, or the duplicate-email message. */
async function outcomeOf(page: Page): Promise<"registered" | "duplicate"> {
  const dashboard = page.getByRole("heading", { name: "Dashboard" });
  const duplicate = page.getByText(DUPLICATE);
  await expect(dashboard.or(duplicate)).toBeVisible({ timeout: 60_000 });
  if (await dashboard.isVisible()) return "registered";
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(DUPLICATE);
  await expect(page).toHaveURL("/register");
  return "duplicate";
}
