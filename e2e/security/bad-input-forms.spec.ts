import { setValue } from "../support/browser";
import { test, expect } from "../fixtures";
import { DEFAULT_PASSWORD, createUser, uniqueEmail } from "../support/users";
import { expectServerHealthy } from "./support";
import type { Locator, Page } from "@playwright/test";

// Hostile and odd input through every form, as a browser sends it. Values
// are set with page.evaluate: typing a megabyte would take minutes, and it
// also gets past the inputs' maxlength, as a hand-made request would. Each
// case must end in a message next to the field or a normal outcome, with the
// page still working for the next case.

/** Just over a mebibyte of text (1,048,577 characters). */
const ONE_MEGABYTE = "x".repeat(1024 * 1024 + 1);
const SQL_INJECTION = "' OR 1=1 --";
const SCRIPT_TAG = "<script>alert(1)</script>";
const HTML_NAME = `${SCRIPT_TAG}<img src=x onerror=alert(2)>`;
/** Right-to-left override, zero-width joiner (inside 👩‍💻), emoji, a combining accent. */
const UNICODE_NAME = "Zoe\u0301 \u202Egnp.exe \u{1F469}\u200D\u{1F4BB} \u{1F600}";
const NUL_TEXT = "before\u0000after";

/**
 * Submits with `button` and waits until the form has settled: the server
 * action answered and the button is enabled again (React then resets the
 * form, so values set before that would be wiped).
 */
async function submit(page: Page, button: Locator): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().headers()["next-action"] !== undefined);
  await button.click();
  await answered;
  await expect(button).toBeEnabled();
}

/** Fails the test if any script the input smuggled in ever runs. */
function forbidDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

/** No server error: Next.js's error screen never appears. */
async function expectNoErrorPage(page: Page): Promise<void> {
  await expect(page.getByText("This page couldn’t load")).toHaveCount(0);
  await expect(page.getByText(/Application error|Internal Server Error/)).toHaveCount(0);
}

test.describe("bad input through the forms", () => {
  test("registration", async ({ page }) => {
    test.setTimeout(60_000);
    const dialogs = forbidDialogs(page);
    const name = page.getByLabel("Name");
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password", { exact: true });
    const confirm = page.getByLabel("Confirm password");
    const createAccount = page.getByRole("button", { name: "Create account" });
    async function register(values: { name: string; email: string; password: string; confirm?: string }) {
      await setValue(name, values.name);
      await setValue(email, values.email);
      await setValue(password, values.password);
      await setValue(confirm, values.confirm ?? values.password);
      await submit(page, createAccount);
    }

    await page.goto("/register");
    const cases: [string, Parameters<typeof register>[0], Locator, RegExp][] = [
      ["a 1 MB name", { name: ONE_MEGABYTE, email: uniqueEmail("big"), password: DEFAULT_PASSWORD }, name, /Use at most 100 characters\./],
      ["a 1 MB email", { name: "Big Email", email: ONE_MEGABYTE, password: DEFAULT_PASSWORD }, email, /at most 254 characters/],
      // (The confirmation stays short: two megabytes would pass the 2 MB limit on a request.)
      ["a 1 MB password", { name: "Big Password", email: uniqueEmail("big"), password: ONE_MEGABYTE, confirm: "x" }, password, /Use at most 1000 characters\./],
      ["a NUL in the name", { name: NUL_TEXT, email: uniqueEmail("nul"), password: DEFAULT_PASSWORD }, name, /cannot contain control characters/],
      ["SQL in the email", { name: "Bobby Tables", email: SQL_INJECTION, password: DEFAULT_PASSWORD }, email, /Enter a valid email address/],
      ["a script tag as the email", { name: "Script", email: SCRIPT_TAG, password: DEFAULT_PASSWORD }, email, /Enter a valid email address/],
      ["unicode in the email", { name: "Unicode", email: `zo\u0308e\u200D\u202E@example.com`, password: DEFAULT_PASSWORD }, email, /Enter a valid email address/],
    ];
    for (const [label, values, field, message] of cases) {
      await register(values);
      await expect(field, label).toHaveAccessibleDescription(message);
      await expect(page, label).toHaveURL("/register");
      await expectNoErrorPage(page);
    }

    // Unicode, SQL- and HTML-shaped text in a name is just a name.
    const oddName = `${UNICODE_NAME} ${SQL_INJECTION} ${SCRIPT_TAG}`;
    await setValue(name, oddName);
    await setValue(email, uniqueEmail("odd"));
    await setValue(password, `${DEFAULT_PASSWORD} ${SQL_INJECTION}`);
    await setValue(confirm, `${DEFAULT_PASSWORD} ${SQL_INJECTION}`);
    await createAccount.click();
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByRole("main").getByRole("status")).toContainText(oddName);
    await expect(page.getByRole("navigation", { name: "Main" }).getByTestId("nav-user-name")).toHaveText(oddName);
    expect(dialogs).toEqual([]);
    await expectServerHealthy(page);
  });

  test("sign-in", async ({ page }) => {
    test.setTimeout(60_000);
    const dialogs = forbidDialogs(page);
    const user = await createUser();
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");
    const signInButton = page.getByRole("button", { name: "Sign in", exact: true });
    async function signIn(values: { email: string; password: string }) {
      await setValue(email, values.email);
      await setValue(password, values.password);
      await submit(page, signInButton);
    }

    await page.goto("/login");
    const fieldCases: [string, Parameters<typeof signIn>[0], Locator, RegExp][] = [
      ["a 1 MB email", { email: ONE_MEGABYTE, password: "anything" }, email, /at most 254 characters/],
      ["a 1 MB password", { email: user.email, password: ONE_MEGABYTE }, password, /Passwords are at most 1000 characters\./],
      ["SQL as the email", { email: SQL_INJECTION, password: SQL_INJECTION }, email, /Enter a valid email address/],
      ["a script tag as the email", { email: SCRIPT_TAG, password: "anything" }, email, /Enter a valid email address/],
      ["unicode in the email", { email: `\u202E${user.email}`, password: "anything" }, email, /Enter a valid email address/],
    ];
    for (const [label, values, field, message] of fieldCases) {
      await signIn(values);
      await expect(field, label).toHaveAccessibleDescription(message);
      await expect(page, label).toHaveURL("/login");
      await expectNoErrorPage(page);
    }
    // Well-formed but wrong: the one answer for every wrong password.
    for (const wrong of [SQL_INJECTION, `${UNICODE_NAME}${NUL_TEXT}`]) {
      await signIn({ email: user.email, password: wrong });
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
      await expect(page).toHaveURL("/login");
    }

    await setValue(email, user.email);
    await setValue(password, user.password);
    await signInButton.click();
    await expect(page).toHaveURL("/dashboard");
    expect(dialogs).toEqual([]);
    await expectServerHealthy(page);
  });

  test("profile name, with HTML shown as text", async ({ page, signedInUser }) => {
    const dialogs = forbidDialogs(page);
    const name = page.getByLabel("Name", { exact: true });
    const nav = page.getByRole("navigation", { name: "Main" });
    async function save(value: string) {
      await setValue(name, value);
      await submit(page, page.getByRole("button", { name: "Save name" }));
    }

    await page.goto("/profile");
    await save(ONE_MEGABYTE);
    await expect(name).toHaveAccessibleDescription("Use at most 100 characters.");
    await save(NUL_TEXT);
    await expect(name).toHaveAccessibleDescription("Names cannot contain control characters.");
    await expect(nav).toContainText(signedInUser.name);
    await expectNoErrorPage(page);

    for (const value of [HTML_NAME, UNICODE_NAME, SQL_INJECTION]) {
      await save(value);
      await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");
      await expect(nav.getByTestId("nav-user-name")).toHaveText(value);
      await page.reload();
      await expect(name).toHaveValue(value);
      await expect(nav.getByTestId("nav-user-name")).toHaveText(value);
      // Rendered as text on the dashboard too, never as markup.
      await page.goto("/dashboard");
      await expect(page.getByRole("main")).toContainText(`Signed in as ${value}.`);
      await expect(page.locator("img[src='x']")).toHaveCount(0);
      await page.goto("/profile");
    }
    expect(dialogs).toEqual([]);
    await expectServerHealthy(page);
  });

  test("change password", async ({ page, playwright, baseURL, signedInUser }) => {
    const current = page.getByLabel("Current password");
    const fresh = page.getByLabel("New password", { exact: true });
    const confirm = page.getByLabel("Confirm new password");
    async function change(values: { current: string; fresh: string; confirm?: string }) {
      await setValue(current, values.current);
      await setValue(fresh, values.fresh);
      await setValue(confirm, values.confirm ?? values.fresh);
      await submit(page, page.getByRole("button", { name: "Change password" }));
    }

    await page.goto("/profile");
    await change({ current: signedInUser.password, fresh: ONE_MEGABYTE, confirm: "x" });
    await expect(fresh).toHaveAccessibleDescription(/Use at most 1000 characters\./);
    await change({ current: ONE_MEGABYTE, fresh: "a new passphrase for me" });
    await expect(current).toHaveAccessibleDescription("Passwords are at most 1000 characters.");
    await change({ current: SQL_INJECTION, fresh: "a new passphrase for me" });
    await expect(current).toHaveAccessibleDescription("Your current password is not correct.");
    await change({ current: SCRIPT_TAG, fresh: "a new passphrase for me" });
    await expect(current).toHaveAccessibleDescription("Your current password is not correct.");
    await expectNoErrorPage(page);

    // Any text is a valid password, stored exactly as typed.
    const oddPassword = `${UNICODE_NAME} ${NUL_TEXT} ${SQL_INJECTION}`;
    await change({ current: signedInUser.password, fresh: oddPassword });
    await expect(page.getByRole("main").getByRole("status")).toContainText("Your password has been changed.");
    const machine = await playwright.request.newContext({ baseURL });
    const basic = (password: string) => `Basic ${Buffer.from(`${signedInUser.email}:${password}`, "utf8").toString("base64")}`;
    expect((await machine.get("/api/me", { headers: { Authorization: basic(oddPassword) } })).status()).toBe(200);
    expect((await machine.get("/api/me", { headers: { Authorization: basic(signedInUser.password) } })).status()).toBe(401);
    await machine.dispose();
    await expectServerHealthy(page);
  });

  test("re-authentication", async ({ page, signedInUser }) => {
    const password = page.getByLabel("Password");
    const confirmButton = page.getByRole("button", { name: "Confirm" });
    async function confirm(value: string) {
      await setValue(password, value);
      await submit(page, confirmButton);
    }

    await page.goto("/reauthenticate?next=%2Fprofile");
    await confirm(ONE_MEGABYTE);
    await expect(password).toHaveAccessibleDescription("Passwords are at most 1000 characters.");
    // Three wrong guesses: under the five that would lock the account.
    for (const wrong of [SQL_INJECTION, SCRIPT_TAG, `${UNICODE_NAME}${NUL_TEXT}`]) {
      await confirm(wrong);
      await expect(password).toHaveAccessibleDescription("That password is not correct.");
      await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
    }
    await expectNoErrorPage(page);

    await setValue(password, signedInUser.password);
    await confirmButton.click();
    await expect(page).toHaveURL("/profile");
    await expectServerHealthy(page);
  });

  test("API key name, with HTML shown as text", async ({ page, signedInUser }) => {
    const dialogs = forbidDialogs(page);
    const keyName = page.getByLabel("Key name", { exact: true });
    async function create(value: string) {
      await setValue(keyName, value);
      await submit(page, page.getByRole("button", { name: "Create API key" }));
    }

    await page.goto("/profile");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    await create(ONE_MEGABYTE);
    await expect(keyName).toHaveAccessibleDescription("Use at most 100 characters.");
    await create(NUL_TEXT);
    await expect(keyName).toHaveAccessibleDescription("Key names cannot contain control characters.");
    await expectNoErrorPage(page);

    for (const value of [HTML_NAME, UNICODE_NAME, SQL_INJECTION]) {
      await create(value);
      await expect(page.getByRole("status").filter({ hasText: "Copy it now" })).toContainText(`API key “${value}” created.`);
    }
    await page.reload();
    const keys = page.getByRole("list", { name: "API keys" });
    for (const value of [HTML_NAME, UNICODE_NAME, SQL_INJECTION]) await expect(keys).toContainText(value);
    await expect(page.locator("img[src='x']")).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await expectServerHealthy(page);
  });
});
