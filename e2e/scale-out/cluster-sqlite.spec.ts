import { test, expect, randomClientIp } from "../fixtures";
import { httpRequest, signInOverRawHttp } from "../support/http-client.mjs";
import { startRegistrationLoad } from "../support/load";
import { captureRegistration } from "../support/registration";
import { createUser } from "../support/users";
import { cpuTicks, isRunning, onPostgres, specPort, startServer, type SpecServer } from "../support/servers";
import { expectNothingLost } from "./verify";

// WEB_CONCURRENCY=2 on the single-host default, SQLite: two server processes
// (and the CLI) write to one database file at once. WAL mode, a busy timeout
// on every connection and BEGIN IMMEDIATE transactions (lib/sqlite.ts,
// lib/sqlite-adapter.ts) make them wait their turn instead of failing with
// "database is locked".

let server: SpecServer | undefined;
test.afterAll(async () => {
  if (server && isRunning(server.pid)) await server.stop();
});

test.describe("two server processes on one SQLite file", () => {
  test.skip(onPostgres, "the SQLite pass runs it: on PostgreSQL there is no file lock to contend for");

  test("registrations, sign-ins and page loads from both processes and the CLI at once: no lock errors, no 500s", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const register = await captureRegistration(page);
    server = await startServer(specPort(5), { WEB_CONCURRENCY: "2" });
    const processes = server.children();
    expect(processes).toHaveLength(2);
    const cpuBefore = processes.map(cpuTicks);
    const base = server.baseURL;

    // Signed-in readers: every dashboard load reads the session, and touches it.
    const reader = await createUser({ name: "Reader" });
    const readerIp = randomClientIp();
    const readerSession = await signInOverRawHttp(base, reader, { ip: readerIp });
    if (!readerSession.ok) throw new Error(`reader could not sign in: ${readerSession.status}`);
    let stopped = false;
    const pageStatuses: number[] = [];
    const pages = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (!stopped) {
          const answer = await httpRequest(`${base}/dashboard`, {
            headers: { cookie: readerSession.cookie, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) latchkey-e2e-load/1.0", "x-forwarded-for": readerIp },
          });
          pageStatuses.push(answer.status);
        }
      }),
    );

    const load = startRegistrationLoad(() => base, register);
    // The CLI writes too, while the load runs.
    const cli = await Promise.all([createUser({ name: "Cli One" }), createUser({ name: "Cli Two" })]);
    await load.waitForSuccesses(30);
    stopped = true;
    const attempts = await load.stop();
    await pages;

    const failures = attempts.filter((a) => a.result !== "ok" && a.result !== 409);
    expect(failures, "every registration and sign-in succeeded").toEqual([]);
    expect(pageStatuses.length).toBeGreaterThan(20);
    expect(new Set(pageStatuses)).toEqual(new Set([200]));
    expect(server.output()).not.toMatch(/database is locked|SQLITE_BUSY/i);
    // Both processes did the work.
    processes.forEach((pid, i) => expect(cpuTicks(pid) - (cpuBefore[i] ?? 0), `process ${pid} served`).toBeGreaterThan(50));
    for (const user of cli) {
      expect((await signInOverRawHttp(base, user, { ip: randomClientIp() })).ok, `${user.email} (CLI)`).toBe(true);
    }
    await expectNothingLost(attempts, base);

    expect(await server.stop(), server.output()).toBe(0);
  });
});
