import type { Page } from "@playwright/test";
import { test, expect, signInOverHttp } from "../fixtures";
import { otherBrowser, registerWithForm } from "../support/browser";
import { createUser, uniqueEmail, DEFAULT_PASSWORD } from "../support/users";
import { linkIn, mailsTo, waitForMail } from "../support/mailbox";
import { expireTokensOf } from "../support/outbox";
import { sql } from "../support/database";
import { confirmWithLink } from "../support/email-links";
import { APP_PORT } from "../support/mail-settings";

const ORIGIN = `http://localhost:${APP_PORT}`;
const CONFIRM_SUBJECT = "Confirm your email address";

async function registerNewUser(page: Page) {
  const email = uniqueEmail("new");
  await registerWithForm(page, { name: "New Nora", email, password: DEFAULT_PASSWORD });
  await expect(page).toHaveURL("/dashboard");
  return email;
}

async function confirmationLink(email: string, count = 1) {
  return linkIn(await waitForMail(email, CONFIRM_SUBJECT, { count }), "/verify-email?token=", ORIGIN);
}

async function emailVerifiedOf(page: Page): Promise<boolean> {
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  return ((await me.json()) as { emailVerified: boolean }).emailVerified;
}

const notice = (page: Page) => page.getByRole("region", { name: "Please confirm your email address" });

test.describe("email confirmation", () => {
  test.slow("waits for mail through the outbox (polled each second) and for bcrypt: registrations through the form");
  test("registration mails a link; its button, even signed out, confirms the address", async ({ page, browser, baseURL }) => {
    const email = await registerNewUser(page);
    await expect(notice(page)).toBeVisible();
    await expect(notice(page).getByRole("button", { name: "Resend confirmation email" })).toBeVisible();
    expect(await emailVerifiedOf(page)).toBe(false);
    await page.goto("/profile");
    await expect(page.getByText("(not confirmed yet)")).toBeVisible();

    const mail = await waitForMail(email, CONFIRM_SUBJECT);
    expect(mail.text).toContain("Hello New Nora,");
    const link = linkIn(mail, "/verify-email?token=", ORIGIN);

    const elsewhere = await otherBrowser(browser, { baseURL });
    const signedOut = await elsewhere.newPage();
    const response = await confirmWithLink(signedOut, link);
    // Never the token in a Referer; and not no-referrer, under which the button's no-JavaScript POST would carry `Origin: null`.
    expect(response?.headers()["referrer-policy"]).toBe("strict-origin");
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await expect(signedOut.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
    await expect(signedOut.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
    // Used up.
    await signedOut.goto(link);
    await expect(signedOut.getByRole("main").getByRole("alert")).toHaveText("This link is invalid or has expired.");
    await elsewhere.close();

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(notice(page)).toHaveCount(0);
    expect(await emailVerifiedOf(page)).toBe(true);
    await page.goto("/profile");
    await expect(page.getByText("(confirmed)")).toBeVisible();
  });

  test("a mail scanner fetching the link confirms nothing; the button still works, without JavaScript too", async ({
    page,
    request,
    browser,
    baseURL,
  }) => {
    const email = await registerNewUser(page);
    const link = await confirmationLink(email);

    // What a scanner or link preview does: plain GETs, no button.
    for (let fetch = 1; fetch <= 3; fetch++) {
      const scanned = await request.get(link);
      expect(scanned.status()).toBe(200);
      expect(await scanned.text()).toContain("Confirm email address");
    }
    expect(await emailVerifiedOf(page)).toBe(false);

    // A tab opened before the link was used gets the invalid-link answer from its button.
    const staleTab = await page.context().newPage();
    await staleTab.goto(link);

    const noScript = await otherBrowser(browser, { baseURL, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await confirmWithLink(plain, link);
    await expect(plain.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
    await noScript.close();
    expect(await emailVerifiedOf(page)).toBe(true);

    await staleTab.getByRole("button", { name: "Confirm email address" }).click();
    await expect(staleTab.getByRole("main").getByRole("alert")).toHaveText("This link is invalid or has expired.");
    await staleTab.close();
  });

  test("resending sends a fresh link and voids the old one", async ({ page }) => {
    const email = await registerNewUser(page);
    const first = await confirmationLink(email, 1);

    await notice(page).getByRole("button", { name: "Resend confirmation email" }).click();
    await expect(page.getByRole("status").filter({ hasText: `We have sent a new confirmation link to ${email}.` })).toBeVisible();
    const second = await confirmationLink(email, 2);
    expect(second).not.toBe(first);

    await page.goto(first);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link is invalid or has expired.");
    await confirmWithLink(page, second);
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
    await page.getByRole("link", { name: "Go to your dashboard" }).click();
    await expect(notice(page)).toHaveCount(0);
  });

  test("resending is limited like reset mails: three an hour", async ({ page }) => {
    const email = await registerNewUser(page);
    for (let resend = 1; resend <= 3; resend++) {
      await notice(page).getByRole("button", { name: "Resend confirmation email" }).click();
      await expect(page.getByRole("status").filter({ hasText: "We have sent a new confirmation link" })).toBeVisible();
    }
    await expect
      .poll(async () => (await sql(`SELECT "id" FROM "OutboxMail" WHERE "to" = $1 AND ("sentAt" IS NOT NULL OR "closedAt" IS NOT NULL)`, [email])).length, {
        timeout: 20_000,
      })
      .toBe(4);
    expect(mailsTo(email).filter((mail) => mail.subject === CONFIRM_SUBJECT)).toHaveLength(3);
  });

  test("an expired link is refused", async ({ page }) => {
    const email = await registerNewUser(page);
    const link = await confirmationLink(email);
    const [user] = await sql<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [email]);
    await expireTokensOf(user?.id ?? "");
    await page.goto(link);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link is invalid or has expired.");
    expect(await emailVerifiedOf(page)).toBe(false);
  });

  test("accounts made with user:create are confirmed, and get no confirmation mail", async ({ page, signedInUser }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(notice(page)).toHaveCount(0);
    expect(await emailVerifiedOf(page)).toBe(true);
    expect(mailsTo(signedInUser.email)).toEqual([]);
  });

  test("the admin user list shows whether each address is confirmed", async ({ page, browser, baseURL }) => {
    const unconfirmed = await registerNewUser(page);
    const confirmed = await createUser();
    const admin = await createUser({ admin: true });
    const context = await otherBrowser(browser, { baseURL });
    const adminPage = await context.newPage();
    await signInOverHttp(context.request, admin, { userAgent: await adminPage.evaluate(() => navigator.userAgent) });
    for (const [email, shown] of [
      [unconfirmed, "Unconfirmed"],
      [confirmed.email, "Confirmed"],
    ] as const) {
      await adminPage.goto(`/admin?${new URLSearchParams({ q: email })}`);
      const table = adminPage.getByRole("table", { name: "Users" });
      const column = await table.getByRole("columnheader").allTextContents();
      const cells = await table.getByRole("row").filter({ hasText: email }).getByRole("cell").allTextContents();
      expect(cells[column.indexOf("Email status")]).toBe(shown);
    }
    await context.close();
  });
});
