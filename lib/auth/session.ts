import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { serverEnv } from "@/lib/env";
import { readSessionClaims } from "@/lib/sessions/token";
import { currentRequestInfo } from "@/lib/request/info";
import { loginUrlFor, reauthenticateUrlFor, sessionExpiredUrlFor } from "@/lib/auth/login-url";
import { evaluateSession, type InvalidReason } from "@/lib/sessions/policy";
import { hashToken } from "@/lib/security/random-token";
import { readBrowserKey } from "@/lib/sessions/cookies";
import { dropSessionFreshness, touchSession } from "@/lib/sessions/registry";
import { findSessionWithUser } from "@/lib/sessions/find-session-with-user";
import type { PublicUser } from "@/lib/users/public-user";

export interface CurrentSession {
  id: string;
  user: PublicUser;
  remember: boolean;
  fresh: boolean;
  /** The latest it can last (without "Remember me" it also ends when idle or with the browser run). */
  expiresAt: Date;
}

export type SessionLookup =
  | { status: "none" }
  | { status: "invalid"; reason: InvalidReason | "unknown" | "inactive_user" }
  | { status: "valid"; session: CurrentSession };

/**
 * The authoritative session check, run in Node next to the data: the token
 * must decode, its session record must exist and pass the expiry, browser
 * and client rules, and its user must still be active. Cached for one
 * request only, so a page, its layout and its actions share one lookup.
 */
export const lookupSession = cache(async (): Promise<SessionLookup> => {
  const jar = await cookies();
  const { userAgent, secure } = await currentRequestInfo();
  const claims = await readSessionClaims((name) => jar.get(name)?.value, secure);
  if (!claims) return { status: "none" };

  const record = await findSessionWithUser(claims.sessionId);
  if (!record || record.userId !== claims.userId) return { status: "invalid", reason: "unknown" };
  if (!record.user.active) return { status: "invalid", reason: "inactive_user" };

  const browserKey = await readBrowserKey();
  const now = new Date();
  const verdict = evaluateSession(
    record,
    { browserKeyHash: browserKey ? hashToken(browserKey) : null, userAgent },
    now,
    serverEnv.sessionPolicy,
  );
  if (!verdict.valid) return { status: "invalid", reason: verdict.reason };

  if (verdict.dropFreshness) await dropSessionFreshness(record.id);
  else if (verdict.touch) await touchSession(record.id, now);

  return {
    status: "valid",
    session: { id: record.id, user: record.user, remember: record.remember, fresh: verdict.fresh, expiresAt: record.expiresAt },
  };
});

export async function getCurrentSession(): Promise<CurrentSession | null> {
  const lookup = await lookupSession();
  return lookup.status === "valid" ? lookup.session : null;
}

export async function getCurrentUser(): Promise<PublicUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/**
 * For protected pages and actions: the current session, or off to sign in.
 * A session that existed but ended goes through /session-expired, which
 * clears its cookies and says why.
 */
export async function requireSession(returnTo: string): Promise<CurrentSession> {
  const lookup = await lookupSession();
  if (lookup.status === "valid") return lookup.session;
  if (lookup.status === "invalid") redirect(sessionExpiredUrlFor(returnTo));
  redirect(loginUrlFor(returnTo));
}

export async function requireUser(returnTo: string): Promise<PublicUser> {
  return (await requireSession(returnTo)).user;
}

/** For sensitive pages and actions: a session whose password was typed recently. */
export async function requireFreshSession(returnTo: string): Promise<CurrentSession> {
  const session = await requireSession(returnTo);
  if (!session.fresh) redirect(reauthenticateUrlFor(returnTo));
  return session;
}

/** Admins only (others get the 403 page), and with a fresh login. */
export async function requireAdmin(returnTo: string): Promise<CurrentSession> {
  const session = await requireSession(returnTo);
  if (session.user.role !== "ADMIN") forbidden();
  if (!session.fresh) redirect(reauthenticateUrlFor(returnTo));
  return session;
}
