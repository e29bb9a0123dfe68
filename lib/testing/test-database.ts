// A real, freshly migrated database for unit tests that need one: SQLite
// always, PostgreSQL too when TEST_POSTGRES_URL is set (CI sets it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function sqliteDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-unit-"));
  return { url: `file:${path.join(dir, "test.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function postgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `latchkey_unit_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The databases to run a suite on, for `describe.each`. */
export function testDatabaseProviders(): [string, () => Promise<TestDatabase>][] {
  const providers: [string, () => Promise<TestDatabase>][] = [["SQLite", async () => sqliteDatabase()]];
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  if (postgresUrl) providers.push(["PostgreSQL", () => postgresDatabase(postgresUrl)]);
  return providers;
}

export function migrate(database: TestDatabase): void {
  execFileSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: "ignore",
  });
}
