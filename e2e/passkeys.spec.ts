import type { Browser, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, randomClientIp } from "./fixtures";
import { signInWithForm, simulateBrowserRestart, signOut } from "./support/browser";
import { setUserActive } from "./support/users";
import { sql } from "./support/database";
import { addVirtualAuthenticator, withAutofillIdle, type VirtualAuthenticator } from "./support/virtual-authenticator";

// Passkeys through Chromium's virtual authenticator (CDP). WebAuthn refuses
// an IP address as relying-party ID, so the suite is served on localhost.
// With a passkey in it, the virtual authenticator answers the sign-in page's
// autofill request at once (as a person picking the suggestion would); tests
// of the button keep that request idle (withAutofillIdle).


function passkeyList(page: Page) {
  return page.getByRole("list", { name: "Passkeys" }).getByRole("listitem");
}

/** Adds a passkey from /profile (the session must be fresh). */
async function addPasskey(page: Page, name: string) {
  await page.goto("/profile");
  await page.getByLabel("Passkey name").fill(name);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Passkey “${name}” added.`);
  await expect(passkeyList(page).filter({ hasText: name })).toHaveCount(1);
}

async function browserWithAuthenticator(browser: Browser): Promise<{ page: Page; authenticator: VirtualAuthenticator }> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomClientIp() },
  });
  const page = await context.newPage();
  return { page, authenticator: await addVirtualAuthenticator(page) };
}

test.describe("passkeys", () => {
  test.slow("waits for bcrypt (CLI-made users, sign-ins) and passkey ceremonies through the virtual authenticator");
  test("add a passkey on the profile, then sign in with it and no password", async ({ page, signedInUser }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
    await expect(page.getByText("No passkeys yet.")).toBeVisible();
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Give the passkey a name, such as the device it is on.")).toBeVisible();

    await addPasskey(page, "Work laptop");
    const row = passkeyList(page).filter({ hasText: "Work laptop" });
    await expect(row).toContainText("Created");
    await expect(row).toContainText("Never used");
    const [credential] = await authenticator.credentials();
    expect(credential, "the authenticator keeps a discoverable credential").toBeDefined();
    expect(credential?.userHandle).toBeTruthy();
    expect((await (await page.request.get("/api/me")).json()).twoFactor).toEqual({ totp: false, passkeys: 1 });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    await withAutofillIdle(page, authenticator, () => signOut(page));
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    // A passkey sign-in is fresh: the setup page of the other factor opens at once.
    await page.goto("/profile/two-factor");
    await expect(page).toHaveURL("/profile/two-factor");
    await page.goto("/profile");
    await expect(passkeyList(page).filter({ hasText: "Work laptop" })).toContainText("Last used");
    const activity = page.getByRole("main");
    await expect(activity).toContainText("Passkey added");
  });

  test("a passkey signs in where `next` says and needs no code on a two-factor account", async ({ page, twoFactorUser }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await addPasskey(page, "Phone");
    await withAutofillIdle(page, authenticator, async () => {
      await signOut(page);
      await page.goto(`/login?next=${encodeURIComponent("/profile")}`);
    });
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL("/profile");
    await expect(page.getByText(twoFactorUser.email)).toBeVisible();
  });

  test("a second browser without the credential signs nobody in", async ({ page, browser, signedInUser }) => {
    await addVirtualAuthenticator(page);
    await addPasskey(page, "Home desktop");

    const other = await browserWithAuthenticator(browser);
    await other.page.goto("/login");
    await other.page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(other.page.getByRole("main").getByRole("alert")).toBeVisible();
    await other.page.goto("/dashboard");
    await expect(other.page).toHaveURL(/\/login\?next=/);
    await expect(other.page.getByText(signedInUser.email)).toHaveCount(0);
    await other.page.context().close();
  });

  test("a removed passkey no longer signs in", async ({ page, signedInUser }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await addPasskey(page, "Old tablet");
    await page.getByRole("button", { name: "Remove passkey Old tablet" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("The passkey “Old tablet” has been removed.");
    await expect(passkeyList(page)).toHaveCount(0);
    // The authenticator still holds the credential; the server no longer knows it.
    expect(await authenticator.credentials()).toHaveLength(1);

    await withAutofillIdle(page, authenticator, () => signOut(page));
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("That passkey did not work");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByText(signedInUser.email)).toHaveCount(0);
  });

  test("a deactivated user's passkey signs nobody in", async ({ page, signedInUser }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await addPasskey(page, "Laptop");
    await withAutofillIdle(page, authenticator, () => signOut(page));
    await setUserActive(signedInUser.email, false);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("deactivated");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("re-authentication accepts a passkey", async ({ page, user }) => {
    await addVirtualAuthenticator(page);
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    await addPasskey(page, "Laptop");
    // A browser restart: the remembered session is no longer fresh.
    await simulateBrowserRestart(page.context());
    await page.goto("/profile/two-factor");
    await expect(page).toHaveURL(/\/reauthenticate/);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect(page).toHaveURL("/profile/two-factor");
    await expect(page.getByRole("main").getByRole("status")).toContainText("Identity confirmed.");
  });

  test("adding a passkey needs a fresh login", async ({ page, user }) => {
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password, { remember: true });
    await expect(page).toHaveURL("/dashboard");
    await simulateBrowserRestart(page.context());
    await page.goto("/profile");
    await expect(page.getByLabel("Passkey name")).toHaveCount(0);
    await expect(page.getByText("Adding a passkey needs a recent sign-in.")).toBeVisible();
  });

  test("the email field offers passkeys in the browser's autofill (conditional mediation)", async ({ page, signedInUser }) => {
    await addVirtualAuthenticator(page);
    await addPasskey(page, "Autofill laptop");
    // Signing out lands on /login, whose email field asks the browser for passkeys
    // to suggest; the virtual authenticator picks the one it has.
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
  });

  test("the email field is marked for passkey autofill", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
  });

  test("views of /login write nothing: its passkey challenge is signed, not stored", async ({ request, page }) => {
    // Counted by the kind of row a stored sign-in challenge was (no user, this purpose), so that
    // specs running alongside (passkey sign-ins record spent nonces) do not move the count.
    const count = async () =>
      Number(
        (await sql<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "OneTimeToken" WHERE "purpose" = 'webauthn_authentication' AND "userId" IS NULL`))[0]?.n,
      );
    const before = await count();
    // Rendered per request (a query): the challenge comes in the page.
    const challenges = new Set<string>();
    for (let view = 1; view <= 30; view++) {
      const response = await request.get("/login?next=%2Fprofile");
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain("Sign in with a passkey");
      challenges.add(html.match(/\\?"challenge\\?":\\?"([A-Za-z0-9_-]+)/)?.[1] ?? "");
    }
    // Prerendered (app/static/login): the page asks for its options once it runs.
    for (let view = 1; view <= 3; view++) {
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
    }
    expect(await count()).toBe(before);
    // Each view still gets a challenge of its own.
    expect(challenges.size).toBe(30);
  });
});
