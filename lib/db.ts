import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/lib/generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma/postgresql/client";
import { serverEnv } from "@/lib/env";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/sqlite";

/**
 * Both generated clients expose the same model API (they come from one model
 * file); the SQLite client's type stands for both.
 */
export type Database = SqliteClient;

/** The client or an interactive transaction: what a write that may join a transaction takes. */
export type DbClient = Database | Prisma.TransactionClient;

function createDatabase(): Database {
  const { provider, url } = serverEnv.database;
  if (provider === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
}

// One client per process: Next's dev server re-evaluates modules on every
// edit, and each new client would open its own connections.
const globalForDb = globalThis as unknown as { latchkeyDb?: Database };

export const db: Database = globalForDb.latchkeyDb ?? createDatabase();
if (!serverEnv.isProduction) globalForDb.latchkeyDb = db;
