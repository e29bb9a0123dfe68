/**
 * The shapes of the session and throttling settings, which lib/env.ts reads
 * and validates and the policy modules (lib/sessions/policy.ts,
 * lib/throttle/policy.ts) apply: here, below both, so the settings depend on
 * no domain.
 */
export type SessionProtection = "strong" | "basic" | "off";

export interface SessionPolicy {
  /** A session without "Remember me" ends after this much inactivity. */
  idleMinutes: number;
  /** Absolute lifetime of a session without "Remember me". */
  absoluteHours: number;
  /** Absolute lifetime of a session with "Remember me". */
  rememberDays: number;
  /** How long after typing the password a session counts as fresh. */
  freshMinutes: number;
  protection: SessionProtection;
}

export interface ThrottleLimit {
  maxAttempts: number;
  windowMinutes: number;
  lockMinutes: number;
  maxLockMinutes: number;
}
