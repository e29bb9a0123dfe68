// Real, freshly migrated databases for unit tests of lib/ code that talks
// SQL: SQLite always, PostgreSQL too when TEST_POSTGRES_URL is set (CI sets
// it). Each suite gets its own database and drops it afterwards.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { vi } from "vitest";

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

/** [name, create] pairs for `describe.each`. */
export function testDatabases(): [string, () => Promise<TestDatabase>][] {
  const providers: [string, () => Promise<TestDatabase>][] = [["SQLite", async () => sqliteDatabase()]];
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  if (postgresUrl) providers.push(["PostgreSQL", () => postgresDatabase(postgresUrl)]);
  return providers;
}

/**
 * Migrates the database and points the app's modules at it: lib/env.ts reads
 * DATABASE_URL once, when first imported, so modules are reloaded after this.
 */
export function useTestDatabase(database: TestDatabase): void {
  execFileSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: "ignore",
  });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
}

/** Undoes useTestDatabase once the suite's client is disconnected. */
export async function releaseTestDatabase(database: TestDatabase | undefined): Promise<void> {
  // lib/db.ts keeps its client on globalThis outside production (for hot reloads).
  delete (globalThis as { latchkeyDb?: unknown }).latchkeyDb;
  vi.unstubAllEnvs();
  await database?.drop();
}
