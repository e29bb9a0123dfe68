import { test, expect, signInOverHttp } from "./fixtures";
import { signInWithForm } from "./support/browser";
import { createUser } from "./support/users";

const TYPED_WRONG_PASSWORD = "my-secret-wrong-guess-7731";

test.describe("audit log", () => {
  test.slow("waits for bcrypt: CLI-made users and admins, wrong and right sign-ins");
  test("users see their own recent security events, and never a password or key", async ({ page, user }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, TYPED_WRONG_PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL("/dashboard");

    await page.goto("/profile");
    await page.getByLabel("Key name", { exact: true }).fill("Audit key");
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByLabel("New API key").textContent()) ?? "";
    expect(key).toMatch(/^lk_/);

    await page.goto("/profile");
    const activity = page.getByRole("table");
    await expect(activity).toContainText("API key created");
    await expect(activity).toContainText("Audit key");
    await expect(activity).toContainText("Signed in");
    await expect(activity).toContainText("Sign-in failed");
    const html = await page.content();
    expect(html).not.toContain(TYPED_WRONG_PASSWORD);
    expect(html).not.toContain(key);
  });

  test("admins see and filter the security log", async ({ page, browser }) => {
    const target = await createUser({ name: "Audited Ann" });
    // Someone fails to sign in as Ann, from another browser.
    const attacker = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const attackerPage = await attacker.newPage();
    await attackerPage.goto("/login");
    await signInWithForm(attackerPage, target.email, TYPED_WRONG_PASSWORD);
    await expect(attackerPage.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await attacker.close();

    const admin = await createUser({ admin: true, name: "Auditing Admin" });
    await signInOverHttp(page.request, admin, { userAgent: await page.evaluate(() => navigator.userAgent) });
    await page.goto("/admin");
    await page.getByRole("link", { name: "Open the security log" }).click();
    await expect(page.getByRole("heading", { name: "Security log" })).toBeVisible();

    await page.getByLabel("Action").selectOption({ label: "Sign-in failed" });
    await page.getByLabel("Email").fill(target.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=sign_in\.failed/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Sign-in failed");
    await expect(rows.nth(1)).toContainText(target.email);
    await expect(rows.nth(1)).toContainText("sign-in form");
    expect(await page.content()).not.toContain(TYPED_WRONG_PASSWORD);

    await page.getByLabel("Action").selectOption({ label: "Signed in" });
    await page.getByLabel("Email").fill(admin.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Signed in");
  });

  test("non-admins cannot open the security log", async ({ page, signedInUser }) => {
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await expect(page.getByText(signedInUser.email)).toHaveCount(0);
  });
});
