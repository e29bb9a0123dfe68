import AxeBuilder from "@axe-core/playwright";
import { request, type Locator, type Page } from "@playwright/test";
import { test as base, expect, signInOverHttp } from "./fixtures";
import { registerWithForm, signInWithForm, simulateBrowserRestart } from "./support/browser";
import { linkIn, waitForMail } from "./support/mailbox";
import { APP_PORT } from "./support/mail-settings";
import { OIDC_NAME } from "./support/oidc-settings";
import { makeSessionsStale, providerLogin, signInAtProvider, signInWithProvider, userByEmail } from "./support/federated";
import { createUser, DEFAULT_PASSWORD, uniqueEmail, type TestUser } from "./support/users";
import { TestAuthenticator, readSetupKey, turnOnTwoFactor } from "./support/totp";
import { askForEmailChange } from "./support/account-setup";

// Every page of the app, in each of its states worth seeing (empty, with form
// errors, with a flash, signed in or not), scanned by axe in the light and the
// dark colour scheme. No rule is disabled: a violation fails the test.
//
// To add a page (or a state of one), add one line to the table for who sees
// it: VISITOR_PAGES (signed out), USER_PAGES (a fresh, confirmed user, signed
// in with a fresh login) or ADMIN_PAGES, e.g.
//   { name: "two-factor settings", path: "/profile/two-factor", shows: heading("Two-factor authentication") },
// `path` is where to go; `then`, if the state needs it, what to do there
// first (submit a form, open a dialog); `shows` is what must be on screen
// before the scan, so that a redirect or an unfinished action cannot make a
// scan of the wrong page pass. `find app -name page.tsx` lists the pages;
// each must appear here (`*.dev.tsx` pages exist under `next dev` only). Not
// here: app/error.tsx (no request makes a page fail on purpose) and
// app/dev/outbox/page.dev.tsx (this suite runs on a production build, which
// does not contain it).

interface PageState<Who = TestUser> {
  name: string;
  path: string;
  then?: (page: Page, who: Who) => Promise<void>;
  shows: (page: Page) => Locator;
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole("heading", { name, level: 1 });
const alert = (text: string | RegExp) => (page: Page) => page.getByRole("main").getByRole("alert").filter({ hasText: text });
const status = (text: string | RegExp) => (page: Page) => page.getByRole("main").getByRole("status").filter({ hasText: text });
const fieldError = (label: string) => (page: Page) => page.getByLabel(label, { exact: true }).and(page.locator("[aria-invalid=true]"));
const ORIGIN = `http://localhost:${APP_PORT}`;

/** Opens the link the app mailed to `email` (through the test runner's SMTP sink). */
async function followMailedLink(page: Page, email: string, subject: string, pathname: string) {
  await page.goto(linkIn(await waitForMail(email, subject), pathname, ORIGIN));
}

/** Registers through the form, so the account is not confirmed yet; lands on the dashboard. */
async function registerUnconfirmed(page: Page, email: string) {
  await registerWithForm(page, { name: "New Nadia", email, password: DEFAULT_PASSWORD });
  await expect(page).toHaveURL("/dashboard");
}

/** A fresh user's reset link, requested on /forgot-password and read from the mail. */
async function openResetLink(page: Page) {
  const user = await createUser();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists");
  await followMailedLink(page, user.email, "Reset your password", "/reset-password?token=");
}

/** A new user with two-factor on, signed out again, then through the password step: on /login/two-factor. */
async function atTwoFactorStep(page: Page) {
  const user = await createUser();
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL("/dashboard");
  await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL("/login/two-factor");
}

const click = (button: string) => async (page: Page) => {
  await page.getByRole("button", { name: button, exact: true }).click();
};

const VISITOR_PAGES: PageState<null>[] = [
  { name: "home", path: "/", shows: heading("Sign-in that does it properly.") },
  { name: "sign in", path: "/login", shows: heading("Sign in") },
  { name: "sign in, with next", path: "/login?next=%2Fprofile", shows: heading("Sign in") },
  { name: "sign in, empty form submitted", path: "/login", then: click("Sign in"), shows: fieldError("Email") },
  {
    name: "sign in, wrong password",
    path: "/login",
    then: (page) => signInWithForm(page, uniqueEmail("nobody"), "not the password"),
    shows: alert("Invalid email or password."),
  },
  { name: "sign in, Auth.js error", path: "/login?error=CredentialsSignin", shows: alert("Invalid email or password.") },
  { name: "sign in, provider error", path: "/login?error=OAuthCallbackError", shows: alert(/Signing in with the provider did not complete/) },
  {
    name: "connect your account, nothing waiting",
    path: "/login/link",
    shows: (page) => page.getByText("There is no sign-in provider waiting to be connected in this browser"),
  },
  {
    name: "connect your account, address already in use",
    path: "/login",
    then: async (page) => {
      const owner = await createUser();
      await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
      await signInAtProvider(page, owner.email);
      await expect(page).toHaveURL("/login/link");
    },
    shows: heading("An account with this email already exists"),
  },
  {
    name: "profile of an account made through a provider (no password)",
    path: "/login",
    then: async (page) => {
      await signInWithProvider(page, providerLogin("axe-password-less"));
      await expect(page).toHaveURL("/dashboard");
      await page.goto("/profile");
    },
    shows: (page) => page.getByRole("region", { name: "Set a password" }),
  },
  {
    name: "confirm it's you, an account without a password",
    path: "/login",
    then: async (page) => {
      const login = providerLogin("axe-reauthenticate");
      await signInWithProvider(page, login);
      await expect(page).toHaveURL("/dashboard");
      await makeSessionsStale((await userByEmail(login))!.id);
      await page.goto("/reauthenticate?next=%2Fprofile");
    },
    shows: heading("Confirm it's you"),
  },
  { name: "register", path: "/register", shows: heading("Create account") },
  { name: "register, empty form submitted", path: "/register", then: click("Create account"), shows: fieldError("Name") },
  {
    name: "register, password strength shown",
    path: "/register",
    then: (page) => page.getByLabel("Password", { exact: true }).fill("tr0ub4dor"),
    shows: (page) => page.getByText(/^Strength: /),
  },
  {
    name: "dashboard of a just-registered, unconfirmed user",
    path: "/",
    then: (page) => registerUnconfirmed(page, uniqueEmail("unconfirmed")),
    shows: (page) => page.getByRole("heading", { name: "Please confirm your email address" }),
  },
  {
    name: "confirm email, mailed link opened",
    path: "/",
    then: async (page) => {
      const email = uniqueEmail("confirming");
      await registerUnconfirmed(page, email);
      await followMailedLink(page, email, "Confirm your email address", "/verify-email?token=");
    },
    shows: (page) => page.getByRole("button", { name: "Confirm email address" }),
  },
  {
    name: "confirm email, button pressed",
    path: "/",
    then: async (page) => {
      const email = uniqueEmail("confirming");
      await registerUnconfirmed(page, email);
      await followMailedLink(page, email, "Confirm your email address", "/verify-email?token=");
      await page.getByRole("button", { name: "Confirm email address" }).click();
    },
    shows: status("Your email address is confirmed."),
  },
  { name: "forgot password", path: "/forgot-password", shows: heading("Forgot your password?") },
  {
    name: "forgot password, empty form submitted",
    path: "/forgot-password",
    then: click("Send reset link"),
    shows: fieldError("Email"),
  },
  {
    name: "forgot password, link requested",
    path: "/forgot-password",
    then: async (page) => {
      await page.getByLabel("Email").fill(uniqueEmail("forgetful"));
      await page.getByRole("button", { name: "Send reset link" }).click();
    },
    shows: status("If an account exists for that address"),
  },
  {
    name: "reset password, mailed link opened",
    path: "/forgot-password",
    then: openResetLink,
    shows: heading("Set a new password"),
  },
  {
    name: "reset password, empty form submitted",
    path: "/forgot-password",
    then: async (page) => {
      await openResetLink(page);
      await page.getByRole("button", { name: "Set new password" }).click();
    },
    shows: fieldError("New password"),
  },
  {
    name: "profile of a remembered session after a browser restart (not fresh)",
    path: "/",
    then: async (page) => {
      const user = await createUser();
      await signInOverHttp(page.request, user, { userAgent: await page.evaluate(() => navigator.userAgent), remember: true });
      await simulateBrowserRestart(page.context());
      await page.goto("/profile");
    },
    shows: (page) => page.getByText("Changing your password needs a recent sign-in."),
  },
  {
    name: "reset password, invalid link",
    path: "/reset-password?token=not-a-real-token",
    shows: alert("This link is invalid or has expired."),
  },
  { name: "reset password, no token", path: "/reset-password", shows: alert("This link is invalid or has expired.") },
  {
    name: "confirm email, invalid link",
    path: "/verify-email?token=not-a-real-token",
    shows: alert("This link is invalid or has expired."),
  },
  {
    name: "profile of a just-registered, unconfirmed user",
    path: "/",
    then: async (page) => {
      await registerUnconfirmed(page, uniqueEmail("unconfirmed"));
      await page.goto("/profile");
    },
    shows: (page) => page.getByRole("region", { name: "API keys" }).getByText(/^Confirm your email address first/),
  },
  {
    name: "cancel email change, invalid link",
    path: "/email-change/cancel?token=not-a-real-token",
    shows: alert(/^This link is invalid or has expired/),
  },
  {
    name: "new sign-in report, invalid link",
    path: "/new-sign-in?token=not-a-real-token",
    shows: alert(/^This link is invalid or has expired/),
  },
  { name: "404", path: "/no-such-page", shows: heading("Page not found") },
  {
    name: "two-factor sign-in, nothing waiting",
    path: "/login/two-factor",
    shows: (page) => page.getByText("There is no sign-in waiting for a code in this browser"),
  },
  { name: "two-factor sign-in, code step", path: "/login", then: atTwoFactorStep, shows: (page) => page.getByLabel("Authentication code") },
  {
    name: "two-factor sign-in, wrong recovery code",
    path: "/login",
    then: async (page) => {
      await atTwoFactorStep(page);
      await page.getByRole("button", { name: "Use a recovery code" }).click();
      await page.getByLabel("Recovery code").fill("not-a-code");
      await page.getByRole("button", { name: "Verify" }).click();
    },
    shows: fieldError("Recovery code"),
  },
];

/** The review page with something in two of its lists: an API key and a session on another device. */
async function withKeyAndOtherSession(page: Page, user: TestUser) {
  await page.goto("/profile");
  await page.getByLabel("Key name", { exact: true }).fill("Deploy script");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByLabel("New API key")).toBeVisible();
  const phone = await request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInOverHttp(phone, user, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1" });
  await phone.dispose();
  await page.goto("/profile/review");
}

const USER_PAGES: PageState[] = [
  { name: "dashboard (confirmed user)", path: "/dashboard", shows: heading("Dashboard") },
  { name: "profile", path: "/profile", shows: heading("Profile") },
  {
    name: "profile, password form errors",
    path: "/profile",
    then: click("Change password"),
    shows: fieldError("Current password"),
  },
  {
    name: "profile, name changed",
    path: "/profile",
    then: async (page) => {
      await page.getByLabel("Name", { exact: true }).fill("Renamed Rita");
      await page.getByRole("button", { name: "Save name" }).click();
    },
    shows: status("Your name has been saved."),
  },
  {
    name: "profile, API key just created (shown once)",
    path: "/profile",
    then: async (page) => {
      await page.getByLabel("Key name", { exact: true }).fill("Deploy script");
      await page.getByRole("button", { name: "Create API key" }).click();
    },
    shows: (page) => page.getByLabel("New API key"),
  },
  {
    name: "profile, another session listed",
    path: "/profile",
    then: async (page, user) => {
      const phone = await request.newContext({ baseURL: test.info().project.use.baseURL });
      await signInOverHttp(phone, user, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1" });
      await phone.dispose();
      await page.reload();
    },
    shows: (page) => page.getByRole("button", { name: "Sign out of all other sessions" }),
  },
  { name: "review your account, nothing but this session", path: "/profile/review", shows: heading("Review your account") },
  {
    name: "review your account, a key and another session listed",
    path: "/profile/review",
    then: withKeyAndOtherSession,
    shows: (page) => page.getByRole("list", { name: "Sessions" }).getByRole("button", { name: /^Remove session/ }),
  },
  {
    name: "review your account, a key removed",
    path: "/profile/review",
    then: async (page, user) => {
      await withKeyAndOtherSession(page, user);
      await page.getByRole("button", { name: /^Remove API key Deploy script/ }).click();
    },
    shows: status("The API key “Deploy script” has been revoked."),
  },
  { name: "change email", path: "/profile/email", shows: heading("Change email") },
  {
    name: "change email, empty form submitted",
    path: "/profile/email",
    then: click("Send confirmation link"),
    shows: fieldError("New email"),
  },
  {
    name: "profile, email change pending",
    path: "/profile/email",
    then: async (page, user) => {
      await page.getByLabel("New email").fill(uniqueEmail("moving"));
      await page.getByLabel("Current password").fill(user.password);
      await page.getByRole("button", { name: "Send confirmation link" }).click();
      await expect(page).toHaveURL("/profile");
    },
    shows: (page) => page.getByText("Waiting for confirmation:"),
  },
  {
    name: "cancel email change, mailed link opened",
    path: "/profile/email",
    then: async (page, user) => {
      await askForEmailChange(page, uniqueEmail("moving"), user.password);
      await followMailedLink(page, user.email, "Your email address is being changed", "/email-change/cancel?token=");
    },
    shows: heading("Cancel the email change"),
  },
  {
    name: "cancel email change, cancelled",
    path: "/profile/email",
    then: async (page, user) => {
      await askForEmailChange(page, uniqueEmail("moving"), user.password);
      await followMailedLink(page, user.email, "Your email address is being changed", "/email-change/cancel?token=");
      await page.getByRole("button", { name: "Cancel the email change" }).click();
    },
    shows: status("The email change was cancelled"),
  },
  { name: "confirm password", path: "/reauthenticate?next=%2Fprofile", shows: heading("Confirm your password") },
  {
    name: "confirm password, wrong password",
    path: "/reauthenticate?next=%2Fprofile",
    then: async (page) => {
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Confirm" }).click();
    },
    shows: fieldError("Password"),
  },
  { name: "two-factor setup", path: "/profile/two-factor", shows: (page) => page.getByRole("img", { name: /QR code/ }) },
  {
    name: "two-factor setup, wrong code",
    path: "/profile/two-factor",
    then: async (page) => {
      await page.getByLabel("Authentication code").fill(new TestAuthenticator(await readSetupKey(page)).wrongCode());
      await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    },
    shows: fieldError("Authentication code"),
  },
  {
    name: "two-factor turned on, recovery codes shown once",
    path: "/profile/two-factor",
    then: async (page) => {
      await turnOnTwoFactor(page);
    },
    shows: (page) => page.getByRole("region", { name: "Recovery codes" }),
  },
  {
    name: "two-factor on",
    path: "/profile/two-factor",
    then: async (page) => {
      await turnOnTwoFactor(page);
      await page.reload();
    },
    shows: (page) => page.getByText("Two-factor authentication is on", { exact: true }),
  },
  {
    name: "confirm password, then the code (two-factor on)",
    path: "/profile/two-factor",
    then: async (page, user) => {
      await turnOnTwoFactor(page);
      await page.goto("/reauthenticate?next=%2Fprofile");
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Confirm" }).click();
    },
    shows: (page) => page.getByLabel("Authentication code"),
  },
  { name: "profile, passkey without a name", path: "/profile", then: click("Add a passkey"), shows: fieldError("Passkey name") },
  { name: "403 (admin area as a user)", path: "/admin", shows: heading("Access denied") },
  {
    name: "signed out",
    path: "/dashboard",
    then: (page) => page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click(),
    shows: status("You have been signed out."),
  },
  {
    name: "session expired (a revoked session's cookie, replayed)",
    path: "/dashboard",
    then: async (page) => {
      const cookies = await page.context().cookies();
      await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL("/login");
      await page.context().addCookies(cookies);
      await page.goto("/dashboard");
    },
    shows: alert("Your session has expired, please sign in again."),
  },
];

const ADMIN_PAGES: PageState[] = [
  { name: "admin", path: "/admin", shows: heading("Admin") },
  { name: "admin, search with no match", path: `/admin?q=${uniqueEmail("no-match")}`, shows: (page) => page.getByText("No users match.") },
  {
    name: "admin, confirm dialog open",
    path: "/admin",
    then: async (page) => {
      const target = await createUser({ email: uniqueEmail("target") });
      await page.goto(`/admin?${new URLSearchParams({ q: target.email })}`);
      await page.getByRole("button", { name: `Deactivate ${target.email}` }).click();
    },
    shows: (page) => page.getByRole("dialog", { name: /^Deactivate / }),
  },
  {
    name: "admin, user deactivated",
    path: "/admin",
    then: async (page) => {
      const target = await createUser({ email: uniqueEmail("target") });
      await page.goto(`/admin?${new URLSearchParams({ q: target.email })}`);
      await page.getByRole("button", { name: `Deactivate ${target.email}` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
      await expect(page.getByRole("button", { name: `Reactivate ${target.email}` })).toBeVisible();
    },
    shows: status("has been deactivated"),
  },
  { name: "security log", path: "/admin/audit", shows: heading("Security log") },
];

const test = base.extend<{ admin: TestUser }>({
  /** A fresh admin, signed in freshly (so /admin opens) in `page`'s browser context. */
  admin: async ({ page }, use) => {
    const admin = await createUser({ name: "Admin Ada", email: uniqueEmail("admin"), admin: true });
    await signInOverHttp(page.request, admin, { userAgent: await page.evaluate(() => navigator.userAgent) });
    await use(admin);
  },
});

test.describe.configure({ mode: "parallel" });

/** What axe finds in the page as it is now, in one colour scheme, as readable lines. */
async function violationsIn(page: Page, colorScheme: "light" | "dark"): Promise<string[]> {
  await page.emulateMedia({ colorScheme });
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (violation) =>
      `${colorScheme}: ${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `  ${node.target.join(" ")}\n    ${node.failureSummary?.replace(/\n/g, "\n    ")}`).join("\n"),
  );
}

/**
 * Visits the state, waits until it shows, and expects axe to find nothing in
 * either colour scheme (switched in place, so the state is set up once).
 */
async function expectNoViolations<Who>(page: Page, state: PageState<Who>, who: Who) {
  await page.goto(state.path);
  await state.then?.(page, who);
  await expect(state.shows(page).first()).toBeVisible();
  // A page reached by a client-side navigation (a server action's redirect)
  // gets its <title> from metadata that streams in after the body.
  await expect(page).toHaveTitle(/\S/);
  const found = [...(await violationsIn(page, "light")), ...(await violationsIn(page, "dark"))];
  expect(found, `axe found on ${state.name}:\n${found.join("\n")}`).toEqual([]);
}

for (const state of VISITOR_PAGES) {
  test(`signed out: ${state.name}`, async ({ page }) => {
    test.slow(Boolean(state.then), "the steps to the state may register (bcrypt), wait for mail or set up two-factor");
    await expectNoViolations(page, state, null);
  });
}
for (const state of USER_PAGES) {
  test(`signed in: ${state.name}`, async ({ page, signedInUser }) => {
    test.slow(true, "waits for a CLI-made user's sign-in (bcrypt) and the state's own steps (mail, two-factor setup)");
    await expectNoViolations(page, state, signedInUser);
  });
}
for (const state of ADMIN_PAGES) {
  test(`admin: ${state.name}`, async ({ page, admin }) => {
    test.slow(true, "waits for CLI-made admins and users (bcrypt) and their sign-ins");
    await expectNoViolations(page, state, admin);
  });
}
