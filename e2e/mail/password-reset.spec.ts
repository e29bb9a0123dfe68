import http from "node:http";
import type { Page } from "@playwright/test";
import { test, expect, randomClientIp } from "../fixtures";
import { otherBrowser, signInWithForm } from "../support/browser";
import { createUser, setUserActive, uniqueEmail } from "../support/users";
import { linkIn, mailsTo, waitForMail } from "../support/mailbox";
import { expireTokensOf, waitForOutboxToSettle } from "../support/outbox";
import { APP_PORT } from "../support/mail-settings";
import { confirmAccountReview } from "../support/password-reset";
import { captureServerAction, replayHeaders, type CapturedAction } from "../security/support";

const ORIGIN = `http://localhost:${APP_PORT}`;
const SAME_ANSWER = "If an account exists for that address, we have sent a link to reset its password.";
const INVALID_LINK = "This link is invalid or has expired.";
const NEW_PASSWORD = "a brand new passphrase for testing";

/** Sends the captured request again with exactly these headers, to the server under test. */
function postRaw(action: CapturedAction, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { pathname, search } = new URL(action.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: APP_PORT, path: `${pathname}${search}`, method: "POST", headers: { ...headers, "content-length": action.body.length } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    request.on("error", reject);
    request.end(action.body);
  });
}

async function requestReset(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: SAME_ANSWER })).toBeVisible();
}

async function resetLink(email: string, count = 1) {
  return linkIn(await waitForMail(email, "Reset your password", { count }), "/reset-password?token=", ORIGIN);
}

async function setNewPassword(page: Page, link: string, password = NEW_PASSWORD) {
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
}

async function expectInvalidLink(page: Page) {
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID_LINK);
  await expect(page.getByRole("link", { name: "Request a new link" })).toHaveAttribute("href", "/forgot-password");
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
}

test.describe("password reset", () => {
  test.slow("waits for mail through the outbox (polled each second) and for bcrypt: CLI-made users, new passwords");
  test("a forgotten password is reset through the mailed link", async ({ page, user }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL("/forgot-password");
    await requestReset(page, user.email);

    const mail = await waitForMail(user.email, "Reset your password");
    expect(mail.text).toContain("Hello Test User,");
    const link = linkIn(mail, "/reset-password?token=", ORIGIN);
    expect(new URL(link).searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The registration policy and its messages.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill("something else entirely");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();
    await setNewPassword(page, link, "password123");
    await expect(page.getByText("This password is too common. Choose another.")).toBeVisible();

    await setNewPassword(page, link);
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("status").filter({ hasText: "Your password has been reset. Sign in with your new password." })).toBeVisible();
    // Not signed in by the reset.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);

    await signInWithForm(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await signInWithForm(page, user.email, NEW_PASSWORD);
    // The first sign-in after a reset reviews the account first (e2e/account-review.spec.ts).
    await expect(page).toHaveURL("/profile/review?next=%2Fdashboard");
    await confirmAccountReview(page);
    await expect(page).toHaveURL("/dashboard");

    const notice = await waitForMail(user.email, "Your password was changed");
    expect(notice.text).toContain("reset your password");
    expect(notice.html).toContain("<a ");
  });

  test("unknown and deactivated accounts get the same answer and no mail", async ({ page }) => {
    const nobody = uniqueEmail("nobody");
    const deactivated = await createUser();
    await setUserActive(deactivated.email, false);

    await requestReset(page, nobody);
    await requestReset(page, deactivated.email);
    await requestReset(page, `  ${nobody.toUpperCase()}  `);

    expect(await waitForOutboxToSettle(nobody, 2)).toEqual(["nothing to send", "nothing to send"]);
    expect(await waitForOutboxToSettle(deactivated.email, 1)).toEqual(["nothing to send"]);
    expect(mailsTo(nobody)).toEqual([]);
    expect(mailsTo(deactivated.email)).toEqual([]);
  });

  test("a malformed address gets a field error, not the answer", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("not an address");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText(SAME_ANSWER)).toHaveCount(0);
  });

  test("a link works once, and a newer link voids older ones", async ({ page, user }) => {
    await requestReset(page, user.email);
    const first = await resetLink(user.email, 1);
    await requestReset(page, user.email);
    const second = await resetLink(user.email, 2);
    expect(second).not.toBe(first);

    await page.goto(first);
    await expectInvalidLink(page);

    await setNewPassword(page, second);
    await expect(page).toHaveURL("/login");
    await page.goto(second);
    await expectInvalidLink(page);
    await page.getByRole("link", { name: "Request a new link" }).click();
    await expect(page).toHaveURL("/forgot-password");
  });

  test("an expired link is refused", async ({ page, user }) => {
    await requestReset(page, user.email);
    const link = await resetLink(user.email);
    await expireTokensOf(user.id);
    await page.goto(link);
    await expectInvalidLink(page);
  });

  test("unknown and mangled tokens are refused", async ({ page }) => {
    for (const token of ["", "x", "A".repeat(43), "A".repeat(5000), "'; DROP TABLE \"User\"; --"]) {
      const response = await page.goto(`/reset-password?token=${encodeURIComponent(token)}`);
      expect(response?.status(), `token ${token.slice(0, 20)}`).toBe(200);
      await expectInvalidLink(page);
    }
  });

  test("links are built from the configured origin, never from the Host or X-Forwarded-Host header", async ({ page, user }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(user.email);
    const action = await captureServerAction(page, () => page.getByRole("button", { name: "Send reset link" }).click());
    await expect(page.getByText(SAME_ANSWER)).toBeVisible();

    // The same request as a client that controls every header would send it:
    // Host, Origin and X-Forwarded-Host all naming another site.
    const forged = await postRaw(action, {
      ...replayHeaders(action, "http://evil.example"),
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-for": randomClientIp(),
    });
    expect(forged.status).toBe(200);
    expect(forged.body).toContain(SAME_ANSWER);

    for (const count of [1, 2]) {
      const mail = await waitForMail(user.email, "Reset your password", { count });
      expect(mail.text + mail.html).not.toContain("evil.example");
      linkIn(mail, "/reset-password?token=", ORIGIN);
    }
  });

  test("a reset signs out every session and lifts the sign-in lock", async ({ page, signedInUser, browser, baseURL }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    const other = await otherBrowser(browser, { baseURL });
    const stranger = await other.newPage();
    const wrong = { Authorization: `Basic ${Buffer.from(`${signedInUser.email}:not the password`).toString("base64")}` };
    for (let attempt = 1; attempt <= 5; attempt++) await stranger.request.get("/api/me", { headers: wrong });
    await stranger.goto("/login");
    await signInWithForm(stranger, signedInUser.email, signedInUser.password);
    await expect(stranger.getByRole("main").getByRole("alert")).toContainText("Too many attempts.");

    await requestReset(stranger, signedInUser.email);
    await setNewPassword(stranger, await resetLink(signedInUser.email));
    await expect(stranger).toHaveURL("/login");
    await signInWithForm(stranger, signedInUser.email, NEW_PASSWORD);
    await expect(stranger).toHaveURL("/profile/review");
    await other.close();

    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText("Your session has expired, please sign in again.")).toBeVisible();
  });

  test("at most three reset mails per account per hour, with the same answer past them", async ({ page, user }) => {
    for (let request = 1; request <= 4; request++) await requestReset(page, user.email);
    const outcomes = await waitForOutboxToSettle(user.email, 4);
    expect(outcomes.filter((outcome) => outcome === "sent")).toHaveLength(3);
    expect(mailsTo(user.email).filter((mail) => mail.subject === "Reset your password")).toHaveLength(3);
  });

  test("the reset page is never cached and sends no token in a referrer", async ({ page, request, user }) => {
    await requestReset(page, user.email);
    const link = await resetLink(user.email);
    for (const address of [link, "/reset-password?token=unknown"]) {
      const response = await request.get(address);
      expect(response.headers()["cache-control"]).toMatch(/(^|,\s*)no-store(\s*,|$)/);
      // The origin only, never the address with its token; and not no-referrer, under which
      // the form's no-JavaScript POST would carry `Origin: null` and be refused.
      expect(response.headers()["referrer-policy"]).toBe("strict-origin");
    }
  });

  test("the reset form works without JavaScript", async ({ browser, page, user }) => {
    await requestReset(page, user.email);
    const link = await resetLink(user.email);
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
    const noScript = await context.newPage();
    await noScript.goto(link);
    await noScript.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await noScript.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await noScript.getByRole("button", { name: "Set new password" }).click();
    await expect(noScript).toHaveURL(/\/login/);
    await expect(noScript.getByText("Your password has been reset. Sign in with your new password.")).toBeVisible();
    await context.close();
  });

  test("changing the password on the profile mails the same notice", async ({ page, signedInUser }) => {
    await page.goto("/profile");
    await page.getByLabel("Current password").fill(signedInUser.password);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed.")).toBeVisible();
    await waitForMail(signedInUser.email, "Your password was changed");
  });
});
