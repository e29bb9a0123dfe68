/**
 * The rules that decide whether a session is still good and whether it is
 * fresh. Pure functions of the record, the request and the clock, so they
 * are tested with any `now` (lib/sessions/policy.test.ts).
 */
import type { SessionPolicy } from "@/lib/settings/policies";

export interface SessionFacts {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  remember: boolean;
  freshAt: Date | null;
  browserKeyHash: string;
  userAgent: string;
  revokedAt: Date | null;
}

/** What the current request brings: its browser-session key and user agent. */
export interface RequestFacts {
  browserKeyHash: string | null;
  userAgent: string;
}

export type InvalidReason = "revoked" | "expired" | "idle" | "browser_closed" | "client_changed";

export type SessionVerdict =
  | { valid: false; reason: InvalidReason }
  | {
      valid: true;
      fresh: boolean;
      /** Worth writing lastSeenAt now (it is only written once a minute). */
      touch: boolean;
      /** Basic protection saw another client: freshness must be dropped for good. */
      dropFreshness: boolean;
    };

const MINUTE = 60_000;
export const TOUCH_INTERVAL_MS = MINUTE;

export function sessionExpiresAt(createdAt: Date, remember: boolean, policy: SessionPolicy): Date {
  const lifetime = remember ? policy.rememberDays * 24 * 60 * MINUTE : policy.absoluteHours * 60 * MINUTE;
  return new Date(createdAt.getTime() + lifetime);
}

export function evaluateSession(
  session: SessionFacts,
  request: RequestFacts,
  now: Date,
  policy: SessionPolicy,
): SessionVerdict {
  if (session.revokedAt) return { valid: false, reason: "revoked" };
  if (now.getTime() >= session.expiresAt.getTime()) return { valid: false, reason: "expired" };

  const sameBrowserRun = request.browserKeyHash !== null && request.browserKeyHash === session.browserKeyHash;
  if (!session.remember) {
    if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * MINUTE) {
      return { valid: false, reason: "idle" };
    }
    // Without "Remember me" a session lives only as long as the browser run
    // that created it, whatever happens to the session cookie.
    if (!sameBrowserRun) return { valid: false, reason: "browser_closed" };
  }

  const clientChanged = policy.protection !== "off" && request.userAgent !== session.userAgent;
  if (clientChanged && policy.protection === "strong") return { valid: false, reason: "client_changed" };

  // A session restored from "Remember me" in a new browser run is not fresh.
  const fresh =
    sameBrowserRun &&
    !clientChanged &&
    session.freshAt !== null &&
    now.getTime() - session.freshAt.getTime() <= policy.freshMinutes * MINUTE;

  return {
    valid: true,
    fresh,
    touch: now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS,
    dropFreshness: clientChanged && session.freshAt !== null,
  };
}
