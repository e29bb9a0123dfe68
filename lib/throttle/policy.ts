/**
 * Brute-force throttling rules, as pure functions of a counter and the clock
 * (tested in lib/throttle/policy.test.ts). A counter allows `maxAttempts`
 * counted attempts per window; the attempt that reaches the limit locks the
 * key, and each lock in a row lasts twice as long as the previous one, up to
 * a ceiling. lib/throttle/reservations.ts applies them to the database.
 */
import type { ThrottleLimit } from "@/lib/settings/policies";

export interface ThrottleState {
  attempts: number;
  windowStart: Date;
  lockedUntil: Date | null;
  lockLevel: number;
}

const MINUTE = 60_000;

/** Milliseconds until the lock ends, or 0 when the key is not locked. */
export function lockRemainingMs(state: Pick<ThrottleState, "lockedUntil"> | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** Counters whose window started at or before this moment are forgotten. */
export function windowExpiredAtOrBefore(now: Date, limit: ThrottleLimit): Date {
  return new Date(now.getTime() - limit.windowMinutes * MINUTE);
}

/** True when the counter has used its attempts and is not locked yet: the failure that got it there locks it. */
export function reachesLimit(state: ThrottleState, now: Date, limit: ThrottleLimit): boolean {
  return state.attempts >= limit.maxAttempts && lockRemainingMs(state, now) === 0;
}

/** The counter after a lock: locked for the next doubling, with a fresh window (the next lock needs a full set again). */
export function lockedState(lockLevel: number, now: Date, limit: ThrottleLimit): ThrottleState {
  const lockMinutes = Math.min(limit.lockMinutes * 2 ** lockLevel, limit.maxLockMinutes);
  return { attempts: 0, windowStart: now, lockedUntil: new Date(now.getTime() + lockMinutes * MINUTE), lockLevel: lockLevel + 1 };
}

/** One more attempt on a counter, counted after the fact (registrations, mail requests). */
export function countAttempt(
  state: ThrottleState | null,
  now: Date,
  limit: ThrottleLimit,
): { next: ThrottleState; lockedNow: boolean } {
  const windowOpen = state !== null && state.windowStart > windowExpiredAtOrBefore(now, limit);
  const attempts = windowOpen ? state.attempts + 1 : 1;
  const windowStart = windowOpen ? state.windowStart : now;
  const lockLevel = state?.lockLevel ?? 0;
  const next = { attempts, windowStart, lockedUntil: state?.lockedUntil ?? null, lockLevel };
  if (!reachesLimit(next, now, limit)) return { next, lockedNow: false };
  return { next: lockedState(lockLevel, now, limit), lockedNow: true };
}

/** "Too many attempts. Try again in N minutes." rounded up, never 0. */
export function tooManyAttemptsMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / MINUTE));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
