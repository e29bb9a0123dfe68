/**
 * Which database Latchkey talks to, decided from DATABASE_URL alone so that
 * the app, the Prisma CLI and the scripts always agree.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: DatabaseProvider;
  url: string;
}

export const DEFAULT_SQLITE_URL = "file:./data/latchkey.db";

export function resolveDatabase(rawUrl: string | undefined): DatabaseTarget {
  const url = rawUrl?.trim() || DEFAULT_SQLITE_URL;
  if (url.startsWith("file:")) return { provider: "sqlite", url };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgresql", url };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://"/"postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…".`,
  );
}
