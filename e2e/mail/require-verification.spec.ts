import os from "node:os";
import path from "node:path";
import { test, expect } from "../fixtures";
import { registerWithForm, signInWithForm } from "../support/browser";
import { uniqueEmail, DEFAULT_PASSWORD } from "../support/users";
import { startServer, type SpecServer } from "../support/servers";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { startMailSink, type MailSink } from "../support/mail-sink";
import { linkIn, waitForMail } from "../support/mailbox";
import { confirmWithLink } from "../support/email-links";
import { sql } from "../support/database";
import { APP_PORT } from "../support/mail-settings";
import { REQUIRE_VERIFICATION_PORT, SUITE_PROVIDER_ENV } from "../support/oidc-settings";
import { providerLogin, signInWithProvider } from "../support/federated";

// REQUIRE_EMAIL_VERIFICATION=true needs a server of its own (with its own mail server).
const PORT = REQUIRE_VERIFICATION_PORT;
const SMTP_PORT = APP_PORT + 61;
const ORIGIN = `http://localhost:${PORT}`;
const directory = path.join(os.tmpdir(), `latchkey-e2e-require-${APP_PORT}-${Date.now()}`);

// One server for the file: both tests in one worker.
test.describe.configure({ mode: "serial" });

let database: ScratchDatabase;
let server: SpecServer;
let sink: MailSink;

test.beforeAll(async () => {
  test.setTimeout(90_000); // a migrated scratch database and a server of its own starting
  database = await createScratchDatabase("require");
  sink = await startMailSink(SMTP_PORT, directory);
  server = await startServer(PORT, {
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    REQUIRE_EMAIL_VERIFICATION: "true",
    ...SUITE_PROVIDER_ENV,
  }, { deployment: "own" });
});

test.afterAll(async () => {
  await server?.stop();
  await sink?.close();
  await database?.drop();
});

test.use({ baseURL: ORIGIN });
test.slow("waits for registrations and sign-ins (bcrypt) and for mail through the outbox");

test("with REQUIRE_EMAIL_VERIFICATION an unconfirmed account cannot sign in until its link is confirmed", async ({ page }) => {
  const email = uniqueEmail("strict");
  await registerWithForm(page, { name: "Strict Stella", email, password: DEFAULT_PASSWORD });
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("status").filter({ hasText: `Open the link we have sent to ${email}, then sign in.` })).toBeVisible();
  await waitForMail(email, "Confirm your email address", { directory });

  await signInWithForm(page, email, DEFAULT_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Confirm your email address first: we have sent you a new link.",
  );
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=/);

  // Basic auth is held to the same rule; a wrong password still gets the plain 401.
  const basic = (password: string) => ({ Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` });
  const refused = await page.request.get("/api/me", { headers: basic(DEFAULT_PASSWORD) });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "Confirm your email address first: open the link we mailed you." });
  expect((await page.request.get("/api/me", { headers: basic("not the password") })).status()).toBe(401);

  // The sign-in attempt sent a new link, which voided the first.
  const fresh = await waitForMail(email, "Confirm your email address", { directory, count: 2 });
  await confirmWithLink(page, linkIn(fresh, "/verify-email?token=", ORIGIN));
  await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();

  await page.goto("/login");
  await signInWithForm(page, email, DEFAULT_PASSWORD);
  await expect(page).toHaveURL("/dashboard");
});

test("with REQUIRE_EMAIL_VERIFICATION a wrong password says nothing about confirmation", async ({ page }) => {
  const email = uniqueEmail("strict");
  await registerWithForm(page, { name: "Strict Sam", email, password: DEFAULT_PASSWORD });
  await expect(page).toHaveURL("/login");
  await signInWithForm(page, email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
});

test("with REQUIRE_EMAIL_VERIFICATION a provider's address counts only when vouched for or confirmed", async ({ page }) => {
  // A vouched-for address signs in at once.
  await signInWithProvider(page, providerLogin("strict-vouched"));
  await expect(page).toHaveURL("/dashboard");
  await page.context().clearCookies();

  // One it does not vouch for gets one confirmation mail, and no session until it is confirmed.
  const login = providerLogin("strict-unvouched", false);
  await signInWithProvider(page, login);
  await expect(page).toHaveURL(/\/login\?error=unverified/);
  await expect(page.getByText("Confirm your email address first: we have sent you a new link.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=/);
  const mail = await waitForMail(login, "Confirm your email address", { directory });
  const queued = await sql<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "OutboxMail" WHERE "to" = $1`, [login], database.url);
  expect(Number(queued[0]?.n), "one confirmation mail, not one from the account and one from the sign-in").toBe(1);
  await confirmWithLink(page, linkIn(mail, "/verify-email?token=", ORIGIN));
  await signInWithProvider(page, login);
  await expect(page).toHaveURL("/dashboard");
});
