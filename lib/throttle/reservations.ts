import "server-only";
import { db } from "@/lib/db";
import { isUniqueConstraintError } from "@/lib/db-errors";
import {
  lockRemainingMs,
  lockedState,
  reachesLimit,
  windowExpiredAtOrBefore,
} from "@/lib/throttle/policy";
import type { ThrottleLimit } from "@/lib/settings/policies";

/**
 * The counters of lib/throttle/policy.ts as single conditional statements,
 * so that any number of processes and hosts on one database count every
 * attempt: an attempt is reserved (counted) before the secret is checked, and
 * given back afterwards if the secret was right. No read-then-write.
 */
export type Reservation =
  | { status: "reserved" }
  /** The key is locked for this long. */
  | { status: "locked"; retryAfterMs: number }
  /** The budget is taken by checks still running: one of them may give its attempt back. */
  | { status: "full" };

const notLocked = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });

/**
 * The clock is read after each read of the row, never before: a request that
 * waited for a database connection while another locked the key would
 * otherwise measure the lock from the moment it arrived (a one-minute lock
 * answered "Try again in 2 minutes").
 */
export type Clock = () => Date;
const systemClock: Clock = () => new Date();

export async function reserveAttempt(key: string, limit: ThrottleLimit, clock = systemClock): Promise<Reservation> {
  // The read only picks which conditional write to try; the write's own
  // condition decides. When it misses, another request changed the row: read again.
  for (;;) {
    const state = await db.rateLimit.findUnique({ where: { key } });
    const now = clock();
    const expired = windowExpiredAtOrBefore(now, limit);
    if (!state) {
      try {
        await db.rateLimit.create({ data: { key, attempts: 1, windowStart: now } });
        return { status: "reserved" };
      } catch (error) {
        // Another request created it first: take a place in that row instead.
        if (!isUniqueConstraintError(error)) throw error;
        continue;
      }
    }
    const retryAfterMs = lockRemainingMs(state, now);
    if (retryAfterMs > 0) return { status: "locked", retryAfterMs };
    if (state.windowStart > expired && state.attempts >= limit.maxAttempts) return { status: "full" };
    const taken =
      state.windowStart > expired
        ? await db.rateLimit.updateMany({
            where: { key, attempts: { lt: limit.maxAttempts }, windowStart: { gt: expired }, ...notLocked(now) },
            data: { attempts: { increment: 1 } },
          })
        : // A window that has run out starts again, with this attempt (the lock level stays).
          await db.rateLimit.updateMany({
            where: { key, windowStart: { lte: expired }, ...notLocked(now) },
            data: { attempts: 1, windowStart: now },
          });
    if (taken.count === 1) return { status: "reserved" };
  }
}

/**
 * The secret was right (or never checked): the attempt does not count. A
 * counter holding only this attempt and no lock history goes away, so
 * successful sign-ins leave no rows behind; of a reservation racing with
 * this, one statement sees the other's change.
 */
export async function giveBackAttempt(key: string, now = new Date()): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } });
  // Decrement first, then delete what is left at nothing: two give-backs racing
  // on a counter of 2 would both miss a "delete if only mine" and leave a zero row.
  await db.rateLimit.deleteMany({ where: { key, attempts: { lte: 0 }, lockLevel: 0, ...notLocked(now) } });
}

/**
 * The secret was wrong: the reservation stays, as a failure. If the counter
 * is now at its limit, this failure locks it (true), once: of two failures
 * racing to lock, the lock level they both read lets only one through.
 */
export async function settleFailure(key: string, limit: ThrottleLimit, clock = systemClock): Promise<boolean> {
  const state = await db.rateLimit.findUnique({ where: { key } });
  const now = clock();
  if (!state || !reachesLimit(state, now, limit)) return false;
  const locked = await db.rateLimit.updateMany({
    where: { key, lockLevel: state.lockLevel, attempts: { gte: limit.maxAttempts }, ...notLocked(now) },
    data: lockedState(state.lockLevel, now, limit),
  });
  return locked.count === 1;
}
