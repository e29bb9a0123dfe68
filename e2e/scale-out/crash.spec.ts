import { test, expect } from "../fixtures";
import { sql } from "../support/database";
import { startRegistrationLoad, type Attempt } from "../support/load";
import { MAIL_TIMEOUT_MS, mailsTo } from "../support/mailbox";
import { claimsOf, waitForOutboxToSettle } from "../support/outbox";
import { captureRegistration } from "../support/registration";
import { isRunning, onPostgres, specPort, startServer, type SpecServer } from "../support/servers";
import { startSlowMailServer, type SlowMailServer } from "../support/slow-mail-server";
import { expectNothingLost } from "./verify";

// A server of the spec's own (the production build through `npm start`'s
// entry, one process) on the suite's database, stopped while 8 clients
// register and sign in: with SIGKILL (a crash: nothing of the process runs
// any more) and with SIGTERM (a graceful stop). Each registration queues a
// confirmation mail; the server under test sends its mail through a slow SMTP
// server of the spec's own, so it is caught in the middle of a delivery.
// bcrypt at the suite's cost 10 (e2e/support/bcrypt-cost.ts), so the load gets through
// more registrations in a few seconds. No new-sign-in alerts: each load
// client signs in from a cookie jar of its own (a new browser to the account),
// and each registration is to queue exactly one mail, its confirmation.
const SERVER_ENV = { NEW_SIGN_IN_ALERTS: "false" };
const servers: SpecServer[] = [];
const mailServers: SlowMailServer[] = [];

async function start(port: number, env: Record<string, string> = {}): Promise<SpecServer> {
  const server = await startServer(port, { ...SERVER_ENV, ...env });
  servers.push(server);
  return server;
}

/** Holds the load's mails (e2e/support/load.ts names its users load-…), passes every other on at once. */
async function slowMailServer(port: number, holdMs: number | "forever"): Promise<SlowMailServer> {
  const mail = await startSlowMailServer(port, holdMs, /^load-/);
  mailServers.push(mail);
  return mail;
}

test.afterAll(async () => {
  await Promise.all(servers.filter((server) => isRunning(server.pid)).map((server) => server.stop()));
  for (const mail of mailServers) mail.close();
});

const connectionErrors = (attempts: Attempt[]) => attempts.filter((a) => typeof a.result === "string" && a.result !== "ok");
const serverErrors = (attempts: Attempt[]) => attempts.filter((a) => typeof a.result === "number" && a.result >= 500);

async function until(condition: () => boolean, what: string, timeoutMs = 30_000) {
  await expect.poll(condition, { message: what, timeout: timeoutMs }).toBe(true);
}

test.describe("a crash loses nothing that was answered", () => {
  test("kill -9 while 8 clients register and sign in: every answered registration is stored whole and signs in, and the mail being sent goes out after the restart", async ({
    page,
  }) => {
    // Known defect, open: on SQLite the mail the killed server was sending
    // stayed pending after the restart in two clean-clone runs (42 s, six
    // answered registrations), once its claim was lifted. Its cause is not found yet.
    // The PostgreSQL pass still runs this test; the SIGTERM test below runs on both.
    test.fixme(!onPostgres, "SQLite: the interrupted mail is not delivered after the restart (under investigation)");
    test.setTimeout(240_000);
    const register = await captureRegistration(page);
    const mail = await slowMailServer(specPort(8), "forever");
    let server = await start(specPort(3), { SMTP_URL: `smtp://127.0.0.1:${specPort(8)}` });
    const load = startRegistrationLoad(() => server.baseURL, register);
    await load.waitForSuccesses(12).catch((error) => {
      throw new Error(`${error}\n${server.output().slice(-3000)}`);
    });
    await until(() => mail.receiving.length > 0, "the server is in the middle of sending a mail");

    process.kill(server.pid, "SIGKILL");
    expect(await server.exited).toBeNull();
    const attempts = await load.stop();
    expect(serverErrors(attempts), "no 5xx before the crash").toEqual([]);
    // The crash cut some requests off: their clients saw the connection go.
    expect(connectionErrors(attempts).length).toBeGreaterThan(0);

    // Restarted, sending to the suite's mail sink like every other server.
    server = await start(specPort(3));
    const { registered, stored } = await expectNothingLost(attempts, server.baseURL);
    expect(registered).toBeGreaterThan(0);
    expect(stored).toBeGreaterThanOrEqual(registered);

    // The restarted server sends the whole backlog one mail after another, so
    // any one address waited for may come last: a budget for the backlog, not one mail.
    const answered = attempts.filter((a) => a.kind === "register" && a.result === "ok").map((a) => a.email);
    const backlogBudget = MAIL_TIMEOUT_MS + answered.length * 2_000;
    // The mail the dead server was sending stays claimed by it for a minute
    // (lib/mail/delivery.ts, CLAIM_MS); let that minute pass, as if waited for.
    // The restarted sender may already be past it in the backlog: it can come last too.
    const [interrupted] = mail.receiving;
    await sql(`UPDATE "OutboxMail" SET "claimedUntil" = "createdAt" WHERE "to" = $1 AND "sentAt" IS NULL`, [interrupted]);
    expect(await waitForOutboxToSettle(interrupted ?? "", 1, backlogBudget)).toEqual(["sent"]);
    // Every answered registration's mail goes out too, once.
    for (const email of answered) expect(await waitForOutboxToSettle(email, 1, backlogBudget), email).toEqual(["sent"]);
    // Claimed once (the interrupted one: by the dead server, then once more),
    // so no sender can deliver any of them again.
    expect(await claimsOf(interrupted ?? "")).toEqual([2]);
    for (const email of answered.filter((email) => email !== interrupted)) expect(await claimsOf(email), email).toEqual([1]);
    for (const email of [interrupted ?? "", ...answered]) expect(mailsTo(email), email).toHaveLength(1);
  });

  test("SIGTERM while 8 clients register and sign in: requests in flight get their answers, the mail being sent is finished, the server exits 0", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const register = await captureRegistration(page);
    const mail = await slowMailServer(specPort(9), 1_500);
    const server = await start(specPort(4), { SMTP_URL: `smtp://127.0.0.1:${specPort(9)}` });
    const load = startRegistrationLoad(() => server.baseURL, register);
    await load.waitForSuccesses(12);
    await until(() => mail.receiving.length > mail.accepted.length, "the server is in the middle of sending a mail");
    const sending = mail.receiving.at(-1) ?? "";

    const signalledAt = Date.now();
    process.kill(server.pid, "SIGTERM");
    const exitCode = await server.exited;
    const stoppedIn = Date.now() - signalledAt;
    const attempts = await load.stop();

    expect(exitCode, server.output()).toBe(0);
    expect(stoppedIn).toBeLessThan(10_000);
    const inFlight = attempts.filter((a) => a.startedAt < signalledAt && a.finishedAt > signalledAt);
    expect(inFlight.length, "requests were in flight when the signal came").toBeGreaterThan(0);
    // Each was answered (success or a 4xx); none lost its connection.
    for (const attempt of attempts.filter((a) => a.startedAt < signalledAt)) {
      expect(attempt.result, `${attempt.kind} started ${signalledAt - attempt.startedAt} ms before the signal`).not.toMatch(
        /^(ECONNRESET|EPIPE|ETIMEDOUT)$/,
      );
    }
    expect(inFlight.filter((a) => a.result === "ok").length).toBeGreaterThan(0);
    // A request started after the signal finds the port closed: refused, or
    // reset when its connection was still in the kernel's accept queue as the
    // listening socket closed (it never reached the server). Never left hanging.
    for (const attempt of connectionErrors(attempts).filter((a) => a.startedAt >= signalledAt)) {
      expect(attempt.result).toMatch(/^(ECONNREFUSED|ECONNRESET)$/);
    }
    expect(serverErrors(attempts)).toEqual([]);

    // The mail it was sending was finished and recorded as sent before it exited.
    expect(mail.accepted).toContain(sending);
    const [row] = await sql<{ sentAt: unknown; claimedUntil: unknown }>(
      `SELECT "sentAt", "claimedUntil" FROM "OutboxMail" WHERE "to" = $1`,
      [sending],
    );
    expect(row?.sentAt, `${sending}: sent`).toBeTruthy();
    expect(row?.claimedUntil ?? null, `${sending}: no claim left behind`).toBeNull();

    const restarted = await start(specPort(4));
    await expectNothingLost(attempts, restarted.baseURL);
  });
});
