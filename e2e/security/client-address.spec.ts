import type { Page } from "@playwright/test";
import { test, expect, randomClientIp } from "../fixtures";
import { sql } from "../support/database";
import { httpRequest } from "../support/http-client.mjs";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { isRunning, specPort, startServer, type SpecServer } from "../support/servers";
import { uniqueEmail } from "../support/users";
import { captureServerAction, replayHeaders } from "./support";

// Whose address a request is counted under. `npm start` (scripts/start.mjs)
// decides it before Next.js sees the request and hands the app only that:
// without TRUST_PROXY the socket's address, so a forged X-Forwarded-For
// changes nothing; with TRUST_PROXY the address its proxies name. Observed
// through "Forgot your password?", which counts every request against the
// client address (THROTTLE_IP_MAX_FAILURES) and queues a mail only while
// the address is under its limit: on today's code each forged address got
// a counter of its own and all 60 requests queued a mail.

const LIMIT = 5;
const PROXY_ENV = { THROTTLE_IP_MAX_FAILURES: String(LIMIT) };

/** Captures the forgot-password form's server action once, to replay it with any address and header. */
async function captureForgotPassword(page: Page) {
  const template = uniqueEmail("template");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(template);
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Send reset link" }).click());
  await expect(page.getByText("If an account exists for that address")).toBeVisible();
  const path = new URL(action.url).pathname;
  return async (baseURL: string, email: string, forwardedFor: string) => {
    const answer = await httpRequest(`${baseURL}${path}`, {
      method: "POST",
      headers: { ...replayHeaders(action, new URL(baseURL).origin), "x-forwarded-for": forwardedFor },
      body: action.body.toString("utf8").replace(template, email),
    });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
  };
}

async function queuedMails(email: string, databaseUrl?: string): Promise<number> {
  const rows = await sql(`SELECT "id" FROM "OutboxMail" WHERE "to" = $1`, [email], databaseUrl);
  return rows.length;
}

async function counterKeys(databaseUrl?: string): Promise<string[]> {
  return (await sql<{ key: string }>(`SELECT "key" FROM "RateLimit"`, [], databaseUrl)).map((row) => row.key);
}

const keyOf = (keys: string[], address: string) => keys.filter((key) => key.endsWith(`:${address}`));

test.describe("client addresses behind npm start", () => {
  test.describe.configure({ mode: "serial" });
  let database: ScratchDatabase;
  const servers: SpecServer[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // A database of their own: the lock these tests provoke must not reach other specs' counters.
    database = await createScratchDatabase("client_address");
  });

  test.afterAll(async () => {
    await Promise.all(servers.filter((server) => isRunning(server.pid)).map((server) => server.stop()));
    await database?.drop();
  });

  test("without TRUST_PROXY, 60 posts with 60 forged X-Forwarded-For addresses are counted under the socket's address and hit its limit", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const post = await captureForgotPassword(page);
    const server = await startServer(specPort(12), { ...PROXY_ENV, DATABASE_URL: database.url, TRUST_PROXY: "false" });
    servers.push(server);
    const email = uniqueEmail("forged");
    const forged = Array.from({ length: 60 }, (_, i) => `198.51.100.${i + 1}`);
    for (const address of forged) await post(server.baseURL, email, address);

    const queued = await queuedMails(email, database.url);
    expect(queued).toBeGreaterThan(0);
    expect(queued, "only the limit's worth of requests queued a mail").toBeLessThanOrEqual(LIMIT);
    const keys = await counterKeys(database.url);
    expect(keyOf(keys, "127.0.0.1"), "counted under the socket's address").not.toEqual([]);
    for (const address of forged) expect(keyOf(keys, address), `no counter for the forged ${address}`).toEqual([]);
  });

  test("with TRUST_PROXY=2 the client is the second entry from the right, whatever the client wrote before it", async ({ page }) => {
    test.setTimeout(120_000);
    const post = await captureForgotPassword(page);
    const server = await startServer(specPort(13), { ...PROXY_ENV, DATABASE_URL: database.url, TRUST_PROXY: "2" });
    servers.push(server);
    const email = uniqueEmail("two-proxies");
    const client = "203.0.113.7";
    const forged = Array.from({ length: 2 * LIMIT }, (_, i) => `192.0.2.${i + 1}`);
    // What the app sees behind two proxies: the first appended the client, the second the first.
    for (const address of forged) await post(server.baseURL, email, `${address}, ${client}, 10.0.0.1`);

    expect(await queuedMails(email, database.url)).toBeLessThanOrEqual(LIMIT);
    const keys = await counterKeys(database.url);
    expect(keyOf(keys, client)).not.toEqual([]);
    for (const address of [...forged, "10.0.0.1"]) expect(keyOf(keys, address)).toEqual([]);
  });
});

test("with TRUST_PROXY=true (the suite's server) the proxy's last entry is the client", async ({ page, baseURL }) => {
  const post = await captureForgotPassword(page);
  const client = randomClientIp();
  const forged = randomClientIp();
  await post(baseURL ?? "", uniqueEmail("one-proxy"), `${forged}, ${client}`);
  const keys = await counterKeys();
  expect(keyOf(keys, client)).not.toEqual([]);
  expect(keyOf(keys, forged)).toEqual([]);
});
