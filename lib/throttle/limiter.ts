import "server-only";
import { db } from "@/lib/db";
import { countAttempt, lockRemainingMs } from "@/lib/throttle/policy";
import type { ThrottleLimit } from "@/lib/settings/policies";

export const throttleKeys = {
  account: (email: string) => `account:${email}`,
  ip: (ip: string | null) => `ip:${ip ?? "unknown"}`,
  registration: (ip: string | null) => `register:${ip ?? "unknown"}`,
  mailRequest: (ip: string | null) => `mail:${ip ?? "unknown"}`,
  /** The wrong codes typed in one half-way sign-in (lib/two-factor/login-challenge.ts). */
  twoFactorStep: (stepId: string) => `step:${stepId}`,
};

export interface ThrottleReading {
  /** The longest remaining lock among the keys, in milliseconds (0: none locked). */
  retryAfterMs: number;
}

export async function readThrottle(keys: string[], now = new Date()): Promise<ThrottleReading> {
  const states = await db.rateLimit.findMany({ where: { key: { in: keys } } });
  return { retryAfterMs: Math.max(0, ...states.map((state) => lockRemainingMs(state, now))) };
}

/**
 * Counts one attempt against `key` after the fact; true when this attempt
 * locked it. For requests that are not secret checks (registrations, mail
 * requests), where a few extra under a race do no harm: secret checks
 * reserve their attempt first (lib/throttle/throttled-attempt.ts).
 */
export async function recordAttempt(key: string, limit: ThrottleLimit, now = new Date()): Promise<boolean> {
  const current = await db.rateLimit.findUnique({ where: { key } });
  const { next, lockedNow } = countAttempt(current, now, limit);
  await db.rateLimit.upsert({ where: { key }, create: { key, ...next }, update: next });
  return lockedNow;
}

export async function clearAttempts(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
