import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { isShuttingDown } from "@/lib/lifecycle/readiness.mjs";

// A health check must answer quickly even when the database host drops packets.
const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

export async function isDatabaseReachable(): Promise<boolean> {
  return withTimeout(
    db.$queryRaw`SELECT 1`.then(() => true),
    false,
  );
}

/**
 * Public, so it says only how mail is configured: never the size of the
 * outbox, whose growth after a reset request would tell a stranger whether
 * the address has an account.
 */
export interface MailHealth {
  /** "smtp": mail is sent; "log": SMTP_URL is not set and mail only goes to the log. */
  transport: "smtp" | "log";
}

export function mailHealth(): MailHealth {
  return { transport: serverEnv.mail.smtpUrl ? "smtp" : "log" };
}

export type Readiness = { ready: true } | { ready: false; reason: "shutting down" | "database unreachable" | "migrations not applied" };

let committed: string[] | null | undefined;

/**
 * The migrations this build ships (prisma/migrations/<provider>/<name>/),
 * read once; null when the folder is not deployed (then only the database is
 * checked).
 */
function committedMigrations(): string[] | null {
  if (committed !== undefined) return committed;
  const dir = path.join(process.cwd(), "prisma", "migrations", serverEnv.database.provider);
  try {
    committed = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
      .map((entry) => entry.name);
  } catch {
    committed = null;
  }
  return committed;
}

/** The applied migrations' names; "missing" when there is no migrations table yet; null when the database did not answer. */
async function appliedMigrations(): Promise<Set<string> | "missing" | null> {
  const query = db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const rows = await withTimeout(
    query.catch((error: unknown) => (/_prisma_migrations/.test(String(error)) && /no such table|does not exist/i.test(String(error)) ? "missing" : null)),
    null,
  );
  if (rows === null || rows === "missing") return rows;
  return new Set(rows.map((row) => row.migration_name));
}

/**
 * Readiness (/api/ready): whether this process should get traffic. Not
 * while it is shutting down (scripts/start.mjs), nor while the database does
 * not answer, nor while a migration of this build is not applied to it. The
 * mail server is no part of it: the outbox rides out an SMTP outage.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "shutting down" };
  if (!(await isDatabaseReachable())) return { ready: false, reason: "database unreachable" };
  // On SQLite `SELECT 1` never reads the file: this query does, so it decides reachability too.
  const applied = await appliedMigrations();
  if (applied === null) return { ready: false, reason: "database unreachable" };
  const expected = committedMigrations();
  if (applied === "missing" || (expected && expected.some((name) => !applied.has(name)))) return { ready: false, reason: "migrations not applied" };
  return isShuttingDown() ? { ready: false, reason: "shutting down" } : { ready: true };
}
