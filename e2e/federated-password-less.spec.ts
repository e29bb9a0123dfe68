import { test, expect } from "./fixtures";
import { signInWithForm } from "./support/browser";
import {
  linkedProviders,
  makeSessionsStale,
  providerLogin,
  signInAtProvider,
  signInWithProvider,
  userByEmail,
} from "./support/federated";
import { linkIn, waitForMail } from "./support/mailbox";
import { APP_PORT } from "./support/mail-settings";
import { OIDC_NAME } from "./support/oidc-settings";
import { confirmAccountReview } from "./support/password-reset";
import { turnOnTwoFactor } from "./support/totp";

// An account made through a provider has no password: the provider's fresh
// login stands in for it where a recent sign-in is needed, and a password can
// be added later by a mailed link, as a reset.

const CONTINUE = `Continue with ${OIDC_NAME}`;

test.describe("An account without a password", () => {
  test.slow();

  test("confirms it's them with its provider, then sets a password by a mailed link", async ({ page }) => {
    // Two round trips through the provider, a mail and a sign-in with the new password.
    test.setTimeout(180_000);
    const login = providerLogin("password-less");
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");
    const user = (await userByEmail(login))!;
    await makeSessionsStale(user.id);

    await page.goto("/profile");
    const setPassword = page.getByRole("region", { name: "Set a password" });
    await setPassword.getByRole("link", { name: "Confirm it's you" }).click();
    await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await page.getByRole("button", { name: CONTINUE }).click();
    await signInAtProvider(page, login);
    await expect(page).toHaveURL("/profile");
    await expect(page.getByText("Identity confirmed.")).toBeVisible();

    await setPassword.getByRole("button", { name: "Email me a link to set a password" }).click();
    await expect(page.getByText(`We sent a link to ${login}. Open it to set your password.`)).toBeVisible();
    const mail = await waitForMail(login, "Set a password for your account");
    await page.goto(linkIn(mail, "/reset-password?token=", `http://localhost:${APP_PORT}`));
    const password = "a-first-password-of-its-own";
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByLabel("Confirm new password").fill(password);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL("/login");

    // The password signs in now; the provider (its address was vouched for) stays connected.
    await signInWithForm(page, login, password);
    await confirmAccountReview(page);
    await expect(page).toHaveURL("/dashboard");
    expect((await userByEmail(login))?.passwordHash).toBeTruthy();
    expect(await linkedProviders(user.id)).toEqual(["oidc"]);
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  });

  test("with an authenticator app on, the provider's fresh login is followed by its code", async ({ page }) => {
    test.setTimeout(180_000);
    const login = providerLogin("password-less-two-factor");
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");
    const { app } = await turnOnTwoFactor(page);
    const user = (await userByEmail(login))!;
    await makeSessionsStale(user.id);

    await page.goto("/reauthenticate?next=%2Fprofile");
    await page.getByRole("button", { name: CONTINUE }).click();
    await signInAtProvider(page, login);
    await expect(page.getByText(`${OIDC_NAME} confirmed it's you. Now enter the code`)).toBeVisible();
    // Not fresh yet: the code is still to come.
    await page.goto("/profile");
    await expect(page.getByRole("link", { name: "Confirm it's you" }).first()).toBeVisible();
    await page.goto("/reauthenticate?next=%2Fprofile");
    await page.getByLabel("Authentication code").fill(await app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL("/profile");
    await expect(page.getByRole("button", { name: "Email me a link to set a password" })).toBeVisible();
  });

  test("another identity at the provider does not confirm the session", async ({ page }) => {
    test.setTimeout(180_000);
    const login = providerLogin("password-less-owner");
    const stranger = providerLogin("someone-else");
    await signInWithProvider(page, login);
    await expect(page).toHaveURL("/dashboard");
    const user = (await userByEmail(login))!;
    await makeSessionsStale(user.id);

    await page.goto("/reauthenticate?next=%2Fprofile");
    await page.getByRole("button", { name: CONTINUE }).click();
    await signInAtProvider(page, stranger);
    await expect(page).toHaveURL(/\/reauthenticate\?next=%2Fprofile/);
    await expect(page.getByText(`That ${OIDC_NAME} account is not the one connected to your account.`)).toBeVisible();
    // Still not a recent sign-in, and the stranger got nothing: no account, no link.
    await page.goto("/profile");
    await expect(page.getByRole("link", { name: "Confirm it's you" }).first()).toBeVisible();
    expect(await userByEmail(stranger)).toBeUndefined();
    expect(await linkedProviders(user.id)).toEqual(["oidc"]);
  });
});
