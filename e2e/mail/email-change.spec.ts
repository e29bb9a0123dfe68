import type { BrowserContext, Page } from "@playwright/test";
import { test, expect, signInOverHttp } from "../fixtures";
import { otherBrowser, signInWithForm, simulateBrowserRestart } from "../support/browser";
import { createUser, uniqueEmail, type TestUser } from "../support/users";
import { linkIn, mailsTo, waitForMail } from "../support/mailbox";
import { sql } from "../support/database";
import { confirmWithLink } from "../support/email-links";
import { APP_PORT } from "../support/mail-settings";

const ORIGIN = `http://localhost:${APP_PORT}`;

async function askForEmailChange(page: Page, newEmail: string, password: string) {
  await page.goto("/profile/email");
  await page.getByLabel("New email").fill(newEmail);
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
}

async function changeLink(newEmail: string, count = 1) {
  return linkIn(await waitForMail(newEmail, "Confirm your new email address", { count }), "/verify-email?token=", ORIGIN);
}

async function newSignedInContext(browser: import("@playwright/test").Browser, baseURL: string | undefined, user: TestUser) {
  const context = await otherBrowser(browser, { baseURL });
  const page = await context.newPage();
  await signInOverHttp(context.request, user, { userAgent: await page.evaluate(() => navigator.userAgent) });
  return { context, page };
}

test.describe("email change", () => {
  test.slow("waits for mail through the outbox (polled each second) and for bcrypt: a CLI-made user, password checks");
  test("the address changes when the link mailed to it is confirmed; the old one is told", async ({
    page,
    signedInUser,
    browser,
    baseURL,
  }) => {
    const laptop = await newSignedInContext(browser, baseURL, signedInUser);
    const newEmail = uniqueEmail("moved");

    await page.goto("/profile");
    await page.getByRole("link", { name: "Change email" }).click();
    await expect(page).toHaveURL("/profile/email");
    await askForEmailChange(page, newEmail, signedInUser.password);
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("status").filter({ hasText: `We have sent a confirmation link to ${newEmail}.` })).toBeVisible();
    await expect(page.getByText(`Waiting for confirmation: ${newEmail}.`)).toBeVisible();

    const warning = await waitForMail(signedInUser.email, "Your email address is being changed");
    expect(warning.text).toContain(newEmail);
    const link = await changeLink(newEmail);

    // Nothing has changed yet.
    const stranger = await otherBrowser(browser, { baseURL });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto("/login");
    await signInWithForm(strangerPage, newEmail, signedInUser.password);
    await expect(strangerPage.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await stranger.close();

    await confirmWithLink(page, link);
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed. Sign in with it from now on." })).toBeVisible();
    const told = await waitForMail(signedInUser.email, "Your email address was changed");
    expect(told.text).toContain(newEmail);

    await page.goto("/profile");
    await expect(page.getByRole("main").getByText(newEmail).first()).toBeVisible();
    await expect(page.getByText("Waiting for confirmation")).toHaveCount(0);
    await expect(page.getByText("(confirmed)")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Email address changed" })).toBeVisible();
    const me = await page.request.get("/api/me");
    expect(await me.json()).toMatchObject({ email: newEmail, emailVerified: true });

    // Every other session ended; this one goes on.
    await laptop.page.goto("/dashboard");
    await expect(laptop.page).toHaveURL(/\/login/);
    await laptop.context.close();

    // Only the new address signs in from now on.
    await page.context().clearCookies();
    await page.goto("/login");
    await signInWithForm(page, signedInUser.email, signedInUser.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await signInWithForm(page, newEmail, signedInUser.password);
    await expect(page).toHaveURL("/dashboard");
  });

  test("a wrong password and an address in use are field errors", async ({ page, signedInUser }) => {
    const someoneElse = await createUser();
    await askForEmailChange(page, uniqueEmail("moved"), "not my password");
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("Your current password is not correct.");

    await askForEmailChange(page, someoneElse.email.toUpperCase(), signedInUser.password);
    await expect(page.getByLabel("New email")).toHaveAccessibleDescription("That email is already in use.");

    await askForEmailChange(page, "not an address", signedInUser.password);
    await expect(page.getByLabel("New email")).toHaveAccessibleDescription("Enter a valid email address, like name@example.com.");
    await expect(page).toHaveURL("/profile/email");
  });

  test("wrong passwords count toward the sign-in lock", async ({ page, signedInUser }) => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await askForEmailChange(page, uniqueEmail("moved"), "not my password");
      await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(
        attempt < 5 ? "Your current password is not correct." : /Your current password is not correct\.|Too many attempts/,
      );
    }
    await askForEmailChange(page, uniqueEmail("moved"), signedInUser.password);
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(/^Too many attempts\./);
  });

  test("a mail scanner fetching the change link changes nothing; the link works afterwards", async ({ page, request, signedInUser }) => {
    const newEmail = uniqueEmail("scanned");
    await askForEmailChange(page, newEmail, signedInUser.password);
    const link = await changeLink(newEmail);
    for (let fetch = 1; fetch <= 3; fetch++) {
      const scanned = await request.get(link);
      expect(scanned.status()).toBe(200);
    }
    const me = await page.request.get("/api/me");
    expect(await me.json()).toMatchObject({ email: signedInUser.email });

    await confirmWithLink(page, link);
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed. Sign in with it from now on." })).toBeVisible();
    expect(await (await page.request.get("/api/me")).json()).toMatchObject({ email: newEmail });
  });

  test("confirmations to one new address are capped like reset mails: three an hour", async ({ page, signedInUser }) => {
    test.slow(); // four password checks (bcrypt) and the outbox working through them
    const newEmail = uniqueEmail("capped");
    for (let request = 1; request <= 4; request++) {
      await askForEmailChange(page, newEmail, signedInUser.password);
      await expect(page.getByRole("status").filter({ hasText: `We have sent a confirmation link to ${newEmail}.` })).toBeVisible();
    }
    await expect
      .poll(
        async () =>
          (await sql(`SELECT "id" FROM "OutboxMail" WHERE "to" = $1 AND ("sentAt" IS NOT NULL OR "closedAt" IS NOT NULL)`, [newEmail]))
            .length,
        { timeout: 30_000 },
      )
      .toBe(4);
    expect(mailsTo(newEmail).filter((mail) => mail.subject === "Confirm your new email address")).toHaveLength(3);
  });

  test("a newer request supersedes the older link", async ({ page, signedInUser }) => {
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await askForEmailChange(page, first, signedInUser.password);
    const firstLink = await changeLink(first);
    await askForEmailChange(page, second, signedInUser.password);
    await expect(page.getByText(`Waiting for confirmation: ${second}.`)).toBeVisible();

    await page.goto(firstLink);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link is invalid or has expired.");
    await confirmWithLink(page, await changeLink(second));
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
  });

  test("changing the email needs a fresh sign-in", async ({ page, user }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    await simulateBrowserRestart(page.context() as BrowserContext);
    await page.goto("/profile/email");
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile%2Femail");
  });
});
