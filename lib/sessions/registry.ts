import "server-only";
import { db, type DbClient } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashToken, randomToken } from "@/lib/security/random-token";
import { sessionExpiresAt } from "@/lib/sessions/policy";
import type { SignInMethod } from "@/lib/sessions/sign-in-method";

export type { SignInMethod };

export interface NewLoginSession {
  userId: string;
  remember: boolean;
  /** "password", "password+totp", "password+recovery-code", "passkey", "github", "oidc+totp"… (lib/sessions/sign-in-method.ts). */
  method: SignInMethod;
  userAgent: string;
  ip: string | null;
}

/** Returns the session id (for the token) and the browser key (for its cookie). */
export async function createLoginSession(input: NewLoginSession, now = new Date()) {
  const id = randomToken();
  const browserKey = randomToken();
  await db.loginSession.create({
    data: {
      id,
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiresAt(now, input.remember, serverEnv.sessionPolicy),
      remember: input.remember,
      method: input.method,
      freshAt: now,
      browserKeyHash: hashToken(browserKey),
      userAgent: input.userAgent,
      ip: input.ip,
    },
  });
  return { id, browserKey };
}

export async function touchSession(id: string, now = new Date()): Promise<void> {
  await db.loginSession.updateMany({ where: { id }, data: { lastSeenAt: now } });
}

export async function dropSessionFreshness(id: string): Promise<void> {
  await db.loginSession.updateMany({ where: { id }, data: { freshAt: null } });
}

/**
 * The password was typed again: the session continues under a new id (so a
 * token captured before re-authentication is worthless), fresh from now, in
 * a new browser key. The old record is revoked in the same transaction.
 */
export async function rotateSession(id: string, now = new Date()) {
  const old = await db.loginSession.findUniqueOrThrow({ where: { id } });
  const newId = randomToken();
  const browserKey = randomToken();
  await db.$transaction([
    db.loginSession.create({
      data: {
        id: newId,
        userId: old.userId,
        createdAt: old.createdAt,
        lastSeenAt: now,
        expiresAt: old.expiresAt,
        remember: old.remember,
        method: old.method,
        freshAt: now,
        browserKeyHash: hashToken(browserKey),
        userAgent: old.userAgent,
        ip: old.ip,
      },
    }),
    db.loginSession.update({ where: { id }, data: { revokedAt: now } }),
  ]);
  return { id: newId, browserKey, remember: old.remember };
}

export async function revokeSession(id: string, now = new Date()): Promise<void> {
  await db.loginSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

/** Revokes one of the user's sessions; false when it is not theirs or already gone. */
export async function revokeUserSession(userId: string, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.loginSession.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

export async function revokeOtherSessions(
  userId: string,
  keepId: string,
  now = new Date(),
  client: DbClient = db,
): Promise<number> {
  const { count } = await client.loginSession.updateMany({
    where: { userId, revokedAt: null, id: { not: keepId } },
    data: { revokedAt: now },
  });
  return count;
}

export async function revokeAllSessions(userId: string, now = new Date(), client: DbClient = db): Promise<number> {
  const { count } = await client.loginSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** Sessions that can still be used, newest activity first, for the profile page. */
export async function listActiveSessions(userId: string, now = new Date()) {
  const idleCutoff = new Date(now.getTime() - serverEnv.sessionPolicy.idleMinutes * 60_000);
  return db.loginSession.findMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      OR: [{ remember: true }, { lastSeenAt: { gte: idleCutoff } }],
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true, remember: true, method: true },
  });
}

/**
 * Deletes sessions that can never be used again. Revoked ones are kept a
 * day so a replayed cookie still meets a "revoked" record, not a missing one.
 */
export async function pruneSessions(now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - serverEnv.sessionPolicy.idleMinutes * 60_000);
  const revokedCutoff = new Date(now.getTime() - 24 * 60 * 60_000);
  const { count } = await db.loginSession.deleteMany({
    where: {
      OR: [
        { expiresAt: { lte: now } },
        { revokedAt: { lte: revokedCutoff } },
        { remember: false, lastSeenAt: { lt: idleCutoff } },
      ],
    },
  });
  return count;
}
