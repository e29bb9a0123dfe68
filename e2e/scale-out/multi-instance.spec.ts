import { test, expect, randomClientIp } from "../fixtures";
import { signInWithForm } from "../support/browser";
import { sql } from "../support/database";
import { mailsTo } from "../support/mailbox";
import { claimsOf, waitForOutboxToSettle } from "../support/outbox";
import { captureRegistration } from "../support/registration";
import { setUserActive, uniqueEmail, DEFAULT_PASSWORD } from "../support/users";
import { isRunning, onPostgres, specPort, startServer, type SpecServer } from "../support/servers";
import type { Page } from "@playwright/test";

// Two instances, A and B, as on two hosts behind a proxy: two servers of the
// spec's own on their own ports, one PostgreSQL database (the suite's), one
// AUTH_SECRET. Sessions, throttle counters and the audit log live in the
// database, so nothing depends on which instance a request reaches.
// Browsers keep cookies per host, not per port: one browser context carries
// its cookies to A and B alike, as behind one public host name.

const LOCKED = "Too many attempts. Try again in 1 minute.";

test.describe("two instances on one PostgreSQL database", () => {
  test.skip(!onPostgres, "several instances need a shared PostgreSQL database: runs in the PostgreSQL pass of npm test");
  // One pair of servers for the file, so its tests run one after another in one worker.
  test.describe.configure({ mode: "default" });
  test.slow("waits for bcrypt sign-ins on two fresh servers of their own, and the CLI");

  let a: SpecServer;
  let b: SpecServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    [a, b] = await Promise.all([startServer(specPort(6)), startServer(specPort(7))]);
  });
  test.afterAll(async () => {
    await Promise.all([a, b].filter((server) => server && isRunning(server.pid)).map((server) => server.stop()));
  });

  async function signInOn(page: Page, server: SpecServer, email: string, password: string) {
    await page.goto(`${server.baseURL}/login`);
    await signInWithForm(page, email, password);
    await expect(page).toHaveURL(`${server.baseURL}/dashboard`);
  }

  test("a session made on A works on B; signed out on B, its cookie is dead on A", async ({ page, browser, user }) => {
    await signInOn(page, a, user.email, user.password);
    await page.goto(`${b.baseURL}/dashboard`);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(user.email);
    const cookies = await page.context().cookies();

    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/You have been signed out\./);

    // The cookie as it was before signing out, replayed on A.
    const replay = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto(`${a.baseURL}/dashboard`);
    await expect(replayPage).toHaveURL(new RegExp(`^${a.baseURL}/login`));
    await replay.close();
  });

  test("five wrong passwords spread over A and B lock the account on both", async ({ page, user }) => {
    for (const server of [a, b, a, b, a]) {
      await page.goto(`${server.baseURL}/login`);
      await signInWithForm(page, user.email, "not the password");
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    }
    for (const server of [b, a]) {
      await page.goto(`${server.baseURL}/login`);
      await signInWithForm(page, user.email, user.password);
      await expect(page.getByRole("main").getByRole("alert"), server.baseURL).toHaveText(LOCKED);
    }
  });

  test("deactivating the user with the CLI ends their sessions on both", async ({ page, browser, user }) => {
    await signInOn(page, a, user.email, user.password);
    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
    const otherPage = await other.newPage();
    await signInOn(otherPage, b, user.email, user.password);

    await setUserActive(user.email, false);

    for (const [where, server] of [[page, a], [otherPage, b], [page, b], [otherPage, a]] as const) {
      await where.goto(`${server.baseURL}/dashboard`);
      await expect(where, server.baseURL).toHaveURL(new RegExp(`^${server.baseURL}/login`));
    }
    await other.close();
  });

  test("ten simultaneous registrations of one email, split over A and B, create one account", async ({ page }) => {
    test.setTimeout(90_000);
    const register = await captureRegistration(page);
    const email = uniqueEmail("split-race");
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        register((i % 2 === 0 ? a : b).baseURL, { name: `Racer ${i}`, email, password: DEFAULT_PASSWORD }, randomClientIp()),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "registered")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(9);
    const rows = await sql<{ count: string | number }>(`SELECT COUNT(*) AS "count" FROM "User" WHERE "email" = $1`, [email]);
    expect(Number(rows[0]?.count)).toBe(1);
  });

  test("each queued mail is delivered exactly once with both running", async ({ page }) => {
    test.setTimeout(90_000);
    // Each registration queues its confirmation mail; every instance's sender
    // (A's, B's and the suite server's) polls the one outbox.
    const register = await captureRegistration(page);
    const emails = Array.from({ length: 10 }, () => uniqueEmail("outbox"));
    const outcomes = await Promise.all(
      emails.map((email, i) =>
        register((i % 2 === 0 ? a : b).baseURL, { name: `Mailed ${i}`, email, password: DEFAULT_PASSWORD }, randomClientIp()),
      ),
    );
    expect(outcomes).toEqual(emails.map(() => "registered"));
    for (const email of emails) expect(await waitForOutboxToSettle(email, 1)).toEqual(["sent"]);
    // Claimed once, so no second sender can deliver it again.
    for (const email of emails) expect(await claimsOf(email), email).toEqual([1]);
    for (const email of emails) expect(mailsTo(email), email).toHaveLength(1);
  });
});
