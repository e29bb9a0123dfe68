/**
 * Brute-force throttling rules, as pure functions of a counter and the clock
 * (tested in lib/throttle/policy.test.ts). A counter allows `maxAttempts`
 * counted attempts per window; the attempt that reaches the limit locks the
 * key, and each lock in a row lasts twice as long as the previous one, up to
 * a ceiling. Success clears the counter.
 */
export interface ThrottleLimit {
  maxAttempts: number;
  windowMinutes: number;
  lockMinutes: number;
  maxLockMinutes: number;
}

export interface ThrottleState {
  attempts: number;
  windowStart: Date;
  lockedUntil: Date | null;
  lockLevel: number;
}

const MINUTE = 60_000;

/** Milliseconds until the lock ends, or 0 when the key is not locked. */
export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function countAttempt(
  state: ThrottleState | null,
  now: Date,
  limit: ThrottleLimit,
): { next: ThrottleState; lockedNow: boolean } {
  const windowOpen = state !== null && now.getTime() - state.windowStart.getTime() < limit.windowMinutes * MINUTE;
  const attempts = windowOpen ? state.attempts + 1 : 1;
  const windowStart = windowOpen ? state.windowStart : now;
  const lockLevel = state?.lockLevel ?? 0;

  if (attempts < limit.maxAttempts) {
    return { next: { attempts, windowStart, lockedUntil: state?.lockedUntil ?? null, lockLevel }, lockedNow: false };
  }
  const lockMinutes = Math.min(limit.lockMinutes * 2 ** lockLevel, limit.maxLockMinutes);
  return {
    // A fresh window after the lock: the next lock needs a full set of failures again.
    next: { attempts: 0, windowStart: now, lockedUntil: new Date(now.getTime() + lockMinutes * MINUTE), lockLevel: lockLevel + 1 },
    lockedNow: true,
  };
}

/** "Too many attempts. Try again in N minutes." rounded up, never 0. */
export function tooManyAttemptsMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / MINUTE));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
