import { test, expect } from "../fixtures";
import { captureRegistration } from "../support/registration";
import { startRegistrationLoad, type Attempt } from "../support/load";
import { isRunning, specPort, startServer, stopServer, type SpecServer } from "../support/servers";
import { expectNothingLost } from "./verify";

// A server of the spec's own (the production build through `npm start`'s
// entry, one process) on the suite's database, killed while 8 clients
// register and sign in: with SIGKILL (a crash: nothing of the process's runs
// any more) and with SIGTERM (a graceful stop). bcrypt at cost 10 (4× cheaper
// than the default) so the load gets through more of them in a few seconds.
const SERVER_ENV = { BCRYPT_COST: "10" };
const servers: SpecServer[] = [];

async function start(port: number): Promise<SpecServer> {
  const server = await startServer(port, SERVER_ENV);
  servers.push(server);
  return server;
}

test.afterAll(async () => {
  await Promise.all(servers.filter((server) => isRunning(server.pid)).map((server) => stopServer(server)));
});

const connectionErrors = (attempts: Attempt[]) => attempts.filter((a) => typeof a.result === "string" && a.result !== "ok");
const serverErrors = (attempts: Attempt[]) => attempts.filter((a) => typeof a.result === "number" && a.result >= 500);

test.describe("a crash loses nothing that was answered", () => {
  test("kill -9 while 8 clients register and sign in: every answered registration is stored whole and signs in", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const register = await captureRegistration(page);
    let server = await start(specPort(3));
    const load = startRegistrationLoad(() => server.baseURL, register);
    await load.waitForSuccesses(12);

    process.kill(server.pid, "SIGKILL");
    expect(await server.exited).toBeNull();
    const attempts = await load.stop();
    expect(serverErrors(attempts), "no 5xx before the crash").toEqual([]);
    // The crash cut some requests off: their clients saw the connection go.
    expect(connectionErrors(attempts).length).toBeGreaterThan(0);

    server = await start(specPort(3));
    const { registered, stored } = await expectNothingLost(attempts, server.baseURL);
    expect(registered).toBeGreaterThan(0);
    expect(stored).toBeGreaterThanOrEqual(registered);
  });

  test("SIGTERM while 8 clients register and sign in: requests in flight get their answers, the server exits 0", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const register = await captureRegistration(page);
    const server = await start(specPort(4));
    const load = startRegistrationLoad(() => server.baseURL, register);
    await load.waitForSuccesses(12);

    const signalledAt = Date.now();
    process.kill(server.pid, "SIGTERM");
    const exitCode = await server.exited;
    const stoppedIn = Date.now() - signalledAt;
    const attempts = await load.stop();

    expect(exitCode, server.output()).toBe(0);
    expect(stoppedIn).toBeLessThan(10_000);
    const inFlight = attempts.filter((a) => a.startedAt < signalledAt && a.finishedAt > signalledAt);
    expect(inFlight.length, "requests were in flight when the signal came").toBeGreaterThan(0);
    // Each was answered (success or a 4xx); none lost its connection. A
    // request started after the signal may find the port closed: refused,
    // never reset.
    for (const attempt of attempts.filter((a) => a.startedAt < signalledAt)) {
      expect(attempt.result, `${attempt.kind} started ${signalledAt - attempt.startedAt} ms before the signal`).not.toMatch(
        /^(ECONNRESET|EPIPE|ETIMEDOUT)$/,
      );
    }
    expect(inFlight.filter((a) => a.result === "ok").length).toBeGreaterThan(0);
    for (const attempt of connectionErrors(attempts)) expect(attempt.result).toBe("ECONNREFUSED");
    expect(serverErrors(attempts)).toEqual([]);

    const restarted = await start(specPort(4));
    await expectNothingLost(attempts, restarted.baseURL);
  });
});
