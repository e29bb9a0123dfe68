import { test, expect, randomClientIp } from "../fixtures";
import { auditCount, basicGuess, captureCodeStep } from "../support/guesses";
import { signInOverRawHttp } from "../support/http-client.mjs";
import { createUser } from "../support/users";
import { isRunning, onPostgres, specPort, startServer, type SpecServer } from "../support/servers";

// Guesses sent all at once against one account, spread over several server
// processes: every secret check reserves its attempt in the database before
// comparing anything (lib/throttle/throttled-attempt.ts), so at most
// THROTTLE_ACCOUNT_MAX_FAILURES of them are ever checked, however many
// processes and hosts share the work. On SQLite: WEB_CONCURRENCY=2 on one
// file; on PostgreSQL: two instances, as on two hosts.

const ACCOUNT_LIMIT = 5;
const GUESSES = 40;
const LOCKED = { error: "Too many attempts. Try again in 1 minute." };

function describeParallelGuesses(title: string, start: () => Promise<SpecServer[]>) {
  test.describe(title, () => {
    // Forty requests on two cores, bcrypt comparisons, and the two-factor fixture's setup through the browser.
    test.describe.configure({ mode: "default", timeout: 120_000 });
    let servers: SpecServer[] = [];
    const on = (i: number) => servers[i % servers.length]!.baseURL;

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      servers = await start();
    });
    test.afterAll(async () => {
      await Promise.all(servers.filter((server) => isRunning(server.pid)).map((server) => server.stop()));
    });

    test("40 parallel wrong passwords over Basic auth: at most the limit are checked; then the right one is refused", async () => {
      const user = await createUser();
      const answers = await Promise.all(
        Array.from({ length: GUESSES }, (_, i) => basicGuess(on(i), user.email, `wrong guess ${i}`, randomClientIp())),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
      expect(statuses.filter((status) => status !== 401 && status !== 429), "only 401 and 429").toEqual([]);
      for (const answer of answers.filter((candidate) => candidate.status === 429)) expect(JSON.parse(answer.body)).toEqual(LOCKED);
      expect(await auditCount("sign_in.failed", "wrong email or password", user.id)).toBeLessThanOrEqual(ACCOUNT_LIMIT);

      const right = await basicGuess(on(0), user.email, user.password, randomClientIp());
      expect(right.status).toBe(429);
    });

    test("40 parallel wrong codes with one half-way cookie: at most the limit are checked; then the right code is refused", async ({
      page,
      twoFactorUser,
    }) => {
      await page.goto("/dashboard");
      await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL("/login");
      const wrong = twoFactorUser.app.wrongCode();
      const replay = await captureCodeStep(page, twoFactorUser, wrong);

      const answers = await Promise.all(Array.from({ length: GUESSES }, (_, i) => replay(on(i), wrong, randomClientIp())));
      expect(answers.map((answer) => answer.status).filter((status) => status !== 200), "no errors").toEqual([]);
      const checked = await auditCount("two_factor.failed", "wrong or reused authentication code", twoFactorUser.id);
      expect(checked, "the captured one and the replays together").toBeLessThanOrEqual(ACCOUNT_LIMIT);

      const right = await replay(on(1), await twoFactorUser.app.nextCode(), randomClientIp());
      expect(right.headers["x-action-redirect"], "no sign-in").toBeUndefined();
      const password = await signInOverRawHttp(on(0), twoFactorUser, { ip: randomClientIp() });
      expect(password.ok).toBe(false);
      if (!password.ok) expect(password.location).toContain("code=throttled");
    });

    test("8 parallel sign-ins with the right password all succeed", async () => {
      const user = await createUser();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => signInOverRawHttp(on(i), user, { ip: randomClientIp() })),
      );
      expect(results.map((result) => result.ok)).toEqual(Array(8).fill(true));
    });
  });
}

test.describe("parallel guesses on SQLite", () => {
  test.skip(onPostgres, "the SQLite pass runs it: two processes on one database file");
  describeParallelGuesses("two server processes on one SQLite file", async () => [
    await startServer(specPort(24), { WEB_CONCURRENCY: "2" }),
  ]);
});

test.describe("parallel guesses on PostgreSQL", () => {
  test.skip(!onPostgres, "several instances need a shared PostgreSQL database: runs in the PostgreSQL pass of npm test");
  describeParallelGuesses("two instances on one PostgreSQL database", () =>
    Promise.all([startServer(specPort(25)), startServer(specPort(26))]),
  );
});
