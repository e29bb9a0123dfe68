/**
 * When a failed delivery is tried again: 5 s after the first failure, then
 * twice as long after each further one, at most every 30 minutes, and not
 * at all once the mail has waited a day (the outbox then closes it).
 */
export const FIRST_RETRY_MS = 5_000;
export const LONGEST_RETRY_MS = 30 * 60 * 1000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

export function retryDelayMs(failedAttempts: number): number {
  const doublings = Math.max(0, failedAttempts - 1);
  // 2^19 × 5 s is far past the cap; stop doubling before the number grows absurd.
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(doublings, 19), LONGEST_RETRY_MS);
}

/** The time of the next attempt after `failedAttempts` failures, or null to give up. */
export function nextAttemptAt(queuedAt: Date, failedAttempts: number, now: Date): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(failedAttempts));
  return next.getTime() - queuedAt.getTime() > GIVE_UP_AFTER_MS ? null : next;
}
