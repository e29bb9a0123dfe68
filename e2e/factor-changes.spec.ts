import { test, expect } from "./fixtures";
import { signInWithForm, simulateBrowserRestart } from "./support/browser";
import { linkIn, waitForMail } from "./support/mailbox";
import { APP_PORT } from "./support/mail-settings";
import { addVirtualAuthenticator } from "./support/virtual-authenticator";

// Every change of a factor or key is mailed to the owner, naming it, and
// needs a fresh login, removals included.

const ORIGIN = `http://localhost:${APP_PORT}`;
// How the pages name the tests' own browser (Playwright's "Desktop Chrome" user agent).
const THIS_BROWSER = "Chrome on Windows";

test.describe("every factor or key change is mailed", () => {
  test.slow();

  test("adding and removing a passkey, creating and revoking a key, new recovery codes: each mail names it", async ({
    page,
    twoFactorUser,
  }) => {
    const from = new RegExp(`From: ${THIS_BROWSER}, [\\d.]+\\.`);
    async function expectNotice(subject: string, words: string) {
      const mail = await waitForMail(twoFactorUser.email, subject);
      expect(mail.text).toContain(words);
      expect(mail.text).toMatch(/When: .+ UTC\./);
      expect(mail.text).toMatch(from);
      linkIn(mail, "/profile", ORIGIN);
    }

    await addVirtualAuthenticator(page);
    await page.goto("/profile");
    await page.getByLabel("Passkey name").fill("Desk key");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Passkey “Desk key” added.");
    await expectNotice("A passkey was added", "The passkey “Desk key” was added");
    await page.getByRole("button", { name: "Remove passkey Desk key" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("has been removed");
    await expectNotice("A passkey was removed", "The passkey “Desk key” was removed");

    await page.getByLabel("Key name", { exact: true }).fill("Nightly job");
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByLabel("New API key")).toBeVisible();
    await expectNotice("A new API key was created", "A new API key, “Nightly job (lk_");
    await page.goto("/profile");
    await page.getByRole("button", { name: "Revoke API key Nightly job" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("has been revoked");
    await expectNotice("An API key was revoked", "The API key “Nightly job (lk_");

    await page.goto("/profile/two-factor");
    await page.getByRole("button", { name: "Generate new recovery codes" }).click();
    await expect(page.getByRole("region", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await expectNotice("New recovery codes were generated", "New recovery codes were generated");
  });
});

test.describe("removals need a fresh login", () => {
  // Two bcrypt sign-ins and a passkey ceremony: more than the default 30 s on a busy machine.
  test.slow();

  test("removing a passkey or revoking a key from a stale session asks for the password first", async ({
    page,
    context,
    user,
  }) => {
    await addVirtualAuthenticator(page);
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    await page.goto("/profile");
    await page.getByLabel("Passkey name").fill("Travel key");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Passkey “Travel key” added.");
    await page.getByLabel("Key name", { exact: true }).fill("Backup job");
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByLabel("New API key")).toBeVisible();

    // A browser restart: the remembered session survives, its freshness does not.
    await simulateBrowserRestart(context);
    await page.goto("/profile");
    await page.getByRole("button", { name: "Remove passkey Travel key" }).click();
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
    await page.goto("/profile");
    await page.getByRole("button", { name: "Revoke API key Backup job" }).click();
    await expect(page).toHaveURL("/reauthenticate?next=%2Fprofile");
    await page.goto("/profile");
    await expect(page.getByRole("list", { name: "Passkeys" })).toContainText("Travel key");
    await expect(page.getByRole("list", { name: "API keys" })).toContainText("Backup job");

    await page.getByRole("button", { name: "Remove passkey Travel key" }).click();
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/profile");
    await page.getByRole("button", { name: "Remove passkey Travel key" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("The passkey “Travel key” has been removed.");
  });
});
