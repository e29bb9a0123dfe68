import { test, expect, signInOverHttp } from "./fixtures";
import { createScratchDatabase, type ScratchDatabase } from "./support/scratch-database";
import { specPort, startServer, type SpecServer } from "./support/servers";
import { createUser, type TestUser } from "./support/users";
import { sql } from "./support/database";

// The WebAuthn relying party comes from AUTH_URL (or WEBAUTHN_RP_ID), never
// from the request's Host. A production server without AUTH_URL has no origin
// to trust, so it offers no passkeys at all, and says so when it starts.
test.describe("a production server without AUTH_URL", () => {
  test.describe.configure({ mode: "serial" });
  const PORT = specPort(23);
  test.use({ baseURL: `http://localhost:${PORT}` });
  let database: ScratchDatabase;
  let server: SpecServer;
  let user: TestUser;

  test.beforeAll(async () => {
    // Starting a server and migrating a database: slow on a loaded machine.
    test.setTimeout(120_000);
    database = await createScratchDatabase("no_auth_url");
    // No AUTH_URL, hence no SMTP_URL either (production refuses one without the other).
    server = await startServer(PORT, { DATABASE_URL: database.url, AUTH_URL: "", SMTP_URL: "", WEBAUTHN_RP_ID: "" }, { deployment: "own" });
    user = await createUser({ databaseUrl: database.url });
    // A passkey the account had before (say, when AUTH_URL was still set).
    // The user's own columns give each database its own boolean and timestamp format.
    await sql(
      `INSERT INTO "Passkey" ("id", "userId", "name", "publicKey", "counter", "transports", "deviceType", "backedUp", "createdAt")
       SELECT 'old-credential', "id", 'Old laptop', $1, 0, 'internal', 'multiDevice', "active", "createdAt" FROM "User" WHERE "id" = $2`,
      [Buffer.from([1, 2, 3]), user.id],
      database.url,
    );
  });

  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test("says once at start-up why passkeys are off", () => {
    const matches = server.output().match(/AUTH_URL is not set: passkeys are off/g) ?? [];
    expect(matches, server.output()).toHaveLength(1);
  });

  test("offers no passkey on /login, /reauthenticate or /profile", async ({ page }) => {
    test.slow(); // a bcrypt sign-in on a server of its own
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
    await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username");

    await signInOverHttp(page.request, user, { userAgent: await page.evaluate(() => navigator.userAgent) });
    await page.goto("/reauthenticate?next=%2Fprofile");
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByRole("button", { name: "Use a passkey" })).toHaveCount(0);

    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
    await expect(page.getByText("Passkeys are not available.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
    // What is there can still be removed.
    await expect(page.getByRole("button", { name: "Remove passkey Old laptop" })).toBeVisible();
  });
});

test("the suite's server, with AUTH_URL, offers passkeys", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
});
