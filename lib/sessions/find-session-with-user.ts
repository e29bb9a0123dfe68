import "server-only";
import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/sqlite";
import type { SessionFacts } from "@/lib/sessions/policy";
import type { PublicUser } from "@/lib/users/public-user";
import type { Role } from "@/lib/generated/prisma/sqlite/enums";

export interface SessionWithUser extends SessionFacts {
  id: string;
  userId: string;
  user: PublicUser;
}

/**
 * Every authenticated request reads its session record and user, so this is
 * one hand-written join, the same SQL on both databases. Through Prisma's
 * query compiler the read (`include: { user }`) was two queries and about
 * 1 ms of CPU, a tenth of the page. On SQLite it goes straight through
 * better-sqlite3 with the statement prepared once (Prisma's adapter prepares
 * every statement anew, ~0.4 ms more); on PostgreSQL through Prisma's raw
 * query, which still maps the columns. Nothing is cached: a revoked session
 * is refused on its next request. docs/performance.md has the figures;
 * lib/sessions/registry.test.ts checks both paths against Prisma's own read.
 */
export async function findSessionWithUser(id: string): Promise<SessionWithUser | null> {
  readRow ??= serverEnv.database.provider === "sqlite" ? sqliteReader(serverEnv.database.url) : postgresReader();
  const row = await readRow(id);
  if (!row) return null;
  const { userName, userEmail, userEmailVerified, userRole, userActive, userCreatedAt, userLastLoginAt, ...session } = row;
  return {
    ...session,
    user: {
      id: row.userId,
      name: userName,
      email: userEmail,
      emailVerified: userEmailVerified,
      role: userRole,
      active: userActive,
      createdAt: userCreatedAt,
      lastLoginAt: userLastLoginAt,
    },
  };
}

interface Row extends SessionFacts {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  userEmailVerified: Date | null;
  userRole: Role;
  userActive: boolean;
  userCreatedAt: Date;
  userLastLoginAt: Date | null;
}

// Opened on first use, not at import: `next build` imports this module too.
let readRow: ((id: string) => Promise<Row | null> | Row | null) | undefined;

const sessionWithUserSql = (idParameter: string) => `
  SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."expiresAt", s."remember", s."freshAt",
         s."browserKeyHash", s."userAgent", s."revokedAt",
         u."name" AS "userName", u."email" AS "userEmail", u."emailVerified" AS "userEmailVerified", u."role" AS "userRole", u."active" AS "userActive",
         u."createdAt" AS "userCreatedAt", u."lastLoginAt" AS "userLastLoginAt"
  FROM "LoginSession" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."id" = ${idParameter}`;

function postgresReader() {
  return async (id: string) => (await db.$queryRawUnsafe<Row[]>(sessionWithUserSql("$1"), id))[0] ?? null;
}

/** The row as SQLite hands it over: Prisma stores DateTimes as ISO 8601 text and Booleans as 0 or 1. */
type StoredRow = Omit<
  Row,
  | "createdAt"
  | "lastSeenAt"
  | "expiresAt"
  | "remember"
  | "freshAt"
  | "revokedAt"
  | "userEmailVerified"
  | "userActive"
  | "userCreatedAt"
  | "userLastLoginAt"
> & {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  remember: number;
  freshAt: string | null;
  revokedAt: string | null;
  userEmailVerified: string | null;
  userActive: number;
  userCreatedAt: string;
  userLastLoginAt: string | null;
};

const optionalDate = (text: string | null) => (text === null ? null : new Date(text));

/** A read-only connection of its own: it sees every committed write, the server's and the CLI's. */
function sqliteReader(url: string) {
  const connection = new Database(url.replace(/^file:/, ""), {
    readonly: true,
    fileMustExist: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  const statement = connection.prepare<[string], StoredRow>(sessionWithUserSql("?"));
  return (id: string): Row | null => {
    const row = statement.get(id);
    if (!row) return null;
    return {
      ...row,
      createdAt: new Date(row.createdAt),
      lastSeenAt: new Date(row.lastSeenAt),
      expiresAt: new Date(row.expiresAt),
      remember: row.remember === 1,
      freshAt: optionalDate(row.freshAt),
      revokedAt: optionalDate(row.revokedAt),
      userEmailVerified: optionalDate(row.userEmailVerified),
      userActive: row.userActive === 1,
      userCreatedAt: new Date(row.userCreatedAt),
      userLastLoginAt: optionalDate(row.userLastLoginAt),
    };
  };
}
