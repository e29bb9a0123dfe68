import { randomUUID } from "node:crypto";
import { test, expect, randomClientIp } from "../fixtures";
import { signInWithForm } from "../support/browser";
import { httpRequest, signInOverRawHttp } from "../support/http-client.mjs";
import { labelValues, METRICS_TOKEN, sample, scrape } from "../support/metrics";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { specPort, startServer, type SpecServer } from "../support/servers";
import { createUser } from "../support/users";

// GET /metrics (scripts/start.mjs, lib/server/metrics-endpoint.mjs): behind
// METRICS_TOKEN, counters moved by the audit events, an HTTP histogram by
// route pattern; under WEB_CONCURRENCY=2 one scrape answers for both
// processes. Servers of their own (the suite's has no METRICS_TOKEN), each on
// a scratch database so no other spec's sign-ins move their counters.

const PASSWORD_SUCCESS = { method: "password", outcome: "success" };

test.describe("metrics", () => {
  // One server for the describe block: its tests in one worker, in turn.
  test.describe.configure({ mode: "default" });
  let database: ScratchDatabase;
  let server: SpecServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = await createScratchDatabase("metrics");
    server = await startServer(specPort(30), { DATABASE_URL: database.url, METRICS_TOKEN }, { deployment: "own" });
  });
  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test("are not there without METRICS_TOKEN, and refuse a missing or wrong token", async ({ request }) => {
    // The suite's own server runs without METRICS_TOKEN: no /metrics at all.
    expect((await request.get("/metrics")).status()).toBe(404);
    for (const authorization of ["", "Bearer not-the-metrics-token-at-all", `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}`]) {
      const answer = await scrape(server.baseURL, authorization);
      expect(answer.status, `refused: ${authorization || "no header"}`).toBe(401);
      expect(answer.body).not.toContain("latchkey_");
    }
    const ok = await scrape(server.baseURL);
    expect(ok.status).toBe(200);
    expect(ok.headers["content-type"]).toContain("text/plain");
    expect(ok.body).toContain("process_cpu_user_seconds_total");
    expect(ok.body).toContain("# TYPE latchkey_mail_backlog gauge");
  });

  test("a sign-in moves latchkey_sign_ins_total{method=password,outcome=success}", async ({ page }) => {
    test.slow();
    const user = await createUser({ databaseUrl: database.url });
    const before = sample((await scrape(server.baseURL)).body, "latchkey_sign_ins_total", PASSWORD_SUCCESS);

    await page.goto(`${server.baseURL}/login`);
    await signInWithForm(page, user.email, user.password);
    await page.waitForURL(/\/dashboard/);

    const after = (await scrape(server.baseURL)).body;
    expect(sample(after, "latchkey_sign_ins_total", PASSWORD_SUCCESS)).toBe(before + 1);
    expect(sample(after, "latchkey_open_sessions")).toBeGreaterThanOrEqual(1);
  });

  test("a wrong password counts as a failure", async () => {
    test.slow();
    const user = await createUser({ databaseUrl: database.url });
    const failure = { method: "password", outcome: "failure" };
    const before = sample((await scrape(server.baseURL)).body, "latchkey_sign_ins_total", failure);
    const answer = await signInOverRawHttp(server.baseURL, { email: user.email, password: "not the password at all" }, { ip: randomClientIp() });
    expect(answer.ok).toBe(false);
    await expect.poll(async () => sample((await scrape(server.baseURL)).body, "latchkey_sign_ins_total", failure)).toBe(before + 1);
  });

  test("the HTTP histogram is labelled by route pattern and status class, never by raw path", async () => {
    const secret = randomUUID();
    await httpRequest(`${server.baseURL}/reset-password?token=${secret}`);
    await httpRequest(`${server.baseURL}/api/auth/csrf`);
    await httpRequest(`${server.baseURL}/no-such-page-${secret}`);
    await httpRequest(`${server.baseURL}/api/health`);
    const text = (await scrape(server.baseURL)).body;
    expect(text).not.toContain(secret);
    const routes = labelValues(text, "latchkey_http_request_duration_seconds", "route");
    expect(routes).toEqual(expect.arrayContaining(["/reset-password", "/api/auth/[...nextauth]", "(unmatched)", "/api/health"]));
    expect(routes.every((route) => !route.includes("csrf")), routes.join(", ")).toBe(true);
    expect(labelValues(text, "latchkey_http_request_duration_seconds", "status_class")).toEqual(expect.arrayContaining(["2xx", "4xx"]));
    expect(sample(text, "latchkey_http_request_duration_seconds_count", { route: "(unmatched)", method: "GET", status_class: "4xx" })).toBeGreaterThanOrEqual(1);
  });
});

test.describe("metrics of a cluster (WEB_CONCURRENCY=2)", () => {
  let database: ScratchDatabase;
  let server: SpecServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = await createScratchDatabase("metrics_cluster");
    // Ready once both processes say they are serving.
    server = await startServer(specPort(31), { DATABASE_URL: database.url, METRICS_TOKEN, WEB_CONCURRENCY: "2" }, { deployment: "own" });
  });
  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  test("one scrape sums the counters of both server processes", async () => {
    test.slow();
    const user = await createUser({ databaseUrl: database.url });
    const before = sample((await scrape(server.baseURL)).body, "latchkey_sign_ins_total", PASSWORD_SUCCESS);
    // Each request on a connection of its own, which the primary hands to the processes in
    // turn: a sign-in is two (the CSRF token, the callback), so an odd third moves the next
    // callback to the other process. Until both processes have signed someone in (each
    // audit event's log line names its process).
    const signedInBy = () => new Set([...server.output().matchAll(/"pid":(\d+)[^\n]*"event":"sign_in\.succeeded"/g)].map((match) => match[1]));
    let signIns = 0;
    while (signIns < 4 || (signedInBy().size < 2 && signIns < 12)) {
      expect((await signInOverRawHttp(server.baseURL, user, { ip: randomClientIp() })).ok).toBe(true);
      signIns += 1;
      await httpRequest(`${server.baseURL}/api/health`);
    }
    expect(signedInBy().size, "sign-ins served by both processes").toBe(2);

    // Whichever process receives them, the scrapes see every sign-in.
    for (let i = 0; i < 4; i++) {
      const text = (await scrape(server.baseURL)).body;
      expect(sample(text, "latchkey_sign_ins_total", PASSWORD_SUCCESS)).toBe(before + signIns);
      // A database figure is read once, not added up per process.
      expect(sample(text, "latchkey_open_sessions")).toBe(signIns);
    }
  });
});
