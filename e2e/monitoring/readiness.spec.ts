import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { test, expect } from "../fixtures";
import { sql } from "../support/database";
import { httpRequest } from "../support/http-client.mjs";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { onPostgres, specPort, startServer, type SpecServer } from "../support/servers";

// /api/ready (lib/health.ts): 200 only while the database answers, its
// migrations are all applied and the process is not shutting down; 503 with
// a short reason otherwise. /api/health stays the liveness probe. Servers of
// their own, on scratch databases the spec can break.

const run = promisify(execFile);

async function readiness(baseURL: string): Promise<{ status: number; body: { status?: string; reason?: string } }> {
  const answer = await httpRequest(`${baseURL}/api/ready`);
  return { status: answer.status, body: JSON.parse(answer.body) as { status?: string; reason?: string } };
}

const migrate = (url: string) => run(process.execPath, ["scripts/prisma.mjs", "migrate"], { env: { ...process.env, DATABASE_URL: url }, timeout: 60_000 });

test.describe("readiness", () => {
  let server: SpecServer | undefined;
  let database: ScratchDatabase | undefined;
  test.afterEach(async () => {
    await server?.stop();
    await database?.drop();
    server = undefined;
    database = undefined;
  });

  test("is 503 while the database cannot be reached, and 200 again once it can", async () => {
    // Two migrations (a scratch database, then the database again after its outage) and a server.
    test.setTimeout(240_000);
    if (onPostgres) {
      database = await createScratchDatabase("ready_outage");
      server = await startServer(specPort(32), { DATABASE_URL: database.url }, { deployment: "own" });
      expect(await readiness(server.baseURL)).toEqual({ status: 200, body: { status: "ready" } });

      // The database goes away under the running server (its connections cut)…
      await database.drop();
      await expect.poll(() => readiness(server!.baseURL), { timeout: 30_000 }).toEqual({
        status: 503,
        body: { status: "not ready", reason: "database unreachable" },
      });
      // …and comes back.
      const name = new URL(database.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
      await migrate(database.url);
    } else {
      // SQLite: a database file the server cannot open (its folder is not there)…
      const prepared = await createScratchDatabase("ready_outage");
      const dir = path.join("data", `e2e-ready-outage-${Date.now()}`);
      const file = path.join(dir, "latchkey.db");
      database = {
        url: `file:./${file}`,
        drop: async () => {
          fs.rmSync(dir, { recursive: true, force: true });
          await prepared.drop();
        },
      };
      // Answering, not ready: /api/ready says 503 until the file is there.
      server = await startServer(specPort(32), { DATABASE_URL: database.url }, { deployment: "own", ready: { accept: "any" } });
      await expect.poll(() => readiness(server!.baseURL), { timeout: 30_000 }).toEqual({
        status: 503,
        body: { status: "not ready", reason: "database unreachable" },
      });
      // …until it is there: a migrated file moved into place at once.
      fs.mkdirSync(dir, { recursive: true });
      fs.renameSync(prepared.url.slice("file:".length), file);
    }
    await expect.poll(async () => (await readiness(server!.baseURL)).status, { timeout: 30_000 }).toBe(200);
    // The liveness probe answered all along.
    expect((await httpRequest(`${server.baseURL}/login`)).status).toBe(200);
  });

  test("is 503 while a migration of this build is not applied", async () => {
    test.slow();
    database = await createScratchDatabase("ready_migrations");
    server = await startServer(specPort(33), { DATABASE_URL: database.url }, { deployment: "own" });
    expect((await readiness(server.baseURL)).status).toBe(200);

    const [latest] = await sql<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
      [],
      database.url,
    );
    expect(latest).toBeDefined();
    await sql('UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = $1', [latest!.migration_name], database.url);
    expect(await readiness(server.baseURL)).toEqual({ status: 503, body: { status: "not ready", reason: "migrations not applied" } });

    await sql('UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1', [latest!.migration_name], database.url);
    expect((await readiness(server.baseURL)).status).toBe(200);
  });

  test("on SIGTERM is 503 for SHUTDOWN_READY_DELAY_SECONDS while pages still answer, then the process stops", async () => {
    test.slow();
    database = await createScratchDatabase("ready_drain");
    server = await startServer(specPort(34), { DATABASE_URL: database.url, SHUTDOWN_READY_DELAY_SECONDS: "4" }, { deployment: "own" });
    expect((await readiness(server.baseURL)).status).toBe(200);

    const signalled = Date.now();
    const stopped = server.stop("SIGTERM");
    await expect.poll(() => readiness(server!.baseURL), { timeout: 3_000 }).toEqual({ status: 503, body: { status: "not ready", reason: "shutting down" } });
    // Everything else is still served during the delay.
    expect((await httpRequest(`${server.baseURL}/api/health`)).status).toBe(200);
    expect((await httpRequest(`${server.baseURL}/login`)).status).toBe(200);
    expect(server.running(), "still running during the delay").toBe(true);

    expect(await stopped).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(4_000);
    expect(server.output()).toContain("answering /api/ready with 503 for 4 s");
  });
});
