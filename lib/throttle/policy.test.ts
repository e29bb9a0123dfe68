import { describe, expect, it } from "vitest";
import {
  countAttempt,
  lockRemainingMs,
  lockedState,
  reachesLimit,
  tooManyAttemptsMessage,
  windowExpiredAtOrBefore,
  type ThrottleState,
} from "@/lib/throttle/policy";
import type { ThrottleLimit } from "@/lib/settings/policies";

const MINUTE = 60_000;
const limit: ThrottleLimit = { maxAttempts: 5, windowMinutes: 15, lockMinutes: 1, maxLockMinutes: 60 };
const start = new Date("2026-11-23T10:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

function fail(times: number, from: ThrottleState | null, when: (i: number) => Date) {
  let state = from;
  let lockedNow = false;
  for (let i = 0; i < times; i++) ({ next: state, lockedNow } = countAttempt(state, when(i), limit));
  return { state: state!, lockedNow };
}

describe("countAttempt", () => {
  it("allows maxAttempts - 1 failures, and locks on the one that reaches the limit", () => {
    const four = fail(4, null, () => at(0));
    expect(four.lockedNow).toBe(false);
    expect(lockRemainingMs(four.state, at(0))).toBe(0);
    const five = fail(1, four.state, () => at(1));
    expect(five.lockedNow).toBe(true);
    expect(lockRemainingMs(five.state, at(1))).toBe(1 * MINUTE);
  });

  it("forgets failures older than the window", () => {
    const old = fail(4, null, () => at(0)).state;
    const later = countAttempt(old, at(16), limit);
    expect(later.lockedNow).toBe(false);
    expect(later.next.attempts).toBe(1);
  });

  it("doubles each lock in a row, up to the ceiling", () => {
    let state: ThrottleState | null = null;
    const locks: number[] = [];
    let now = 0;
    for (let round = 0; round < 9; round++) {
      ({ state } = fail(5, state, () => at(now)));
      locks.push(lockRemainingMs(state, at(now)) / MINUTE);
      now += 61;
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("keeps an existing lock while counting more attempts", () => {
    const locked = fail(5, null, () => at(0)).state;
    const during = countAttempt(locked, at(0.5), limit);
    expect(lockRemainingMs(during.next, at(0.5))).toBe(0.5 * MINUTE);
  });
});

describe("reachesLimit", () => {
  const counter = (attempts: number, lockedUntil: Date | null = null): ThrottleState => ({ attempts, windowStart: at(0), lockedUntil, lockLevel: 0 });

  it("is true from the limit on, unless the key is locked already", () => {
    expect(reachesLimit(counter(4), at(1), limit)).toBe(false);
    expect(reachesLimit(counter(5), at(1), limit)).toBe(true);
    expect(reachesLimit(counter(5, at(2)), at(1), limit)).toBe(false);
    expect(reachesLimit(counter(5, at(1)), at(1), limit)).toBe(true);
  });
});

describe("lockedState", () => {
  it("locks for the doubled time of its level, up to the ceiling, with a fresh window", () => {
    expect(lockedState(0, at(0), limit)).toEqual({ attempts: 0, windowStart: at(0), lockedUntil: at(1), lockLevel: 1 });
    expect(lockedState(3, at(0), limit).lockedUntil).toEqual(at(8));
    expect(lockedState(12, at(0), limit).lockedUntil).toEqual(at(60));
  });
});

describe("windowExpiredAtOrBefore", () => {
  it("is the window's length before now", () => {
    expect(windowExpiredAtOrBefore(at(20), limit)).toEqual(at(5));
  });
});

describe("lockRemainingMs", () => {
  it("is 0 for no counter and after the lock ends", () => {
    expect(lockRemainingMs(null, start)).toBe(0);
    const locked = fail(5, null, () => at(0)).state;
    expect(lockRemainingMs(locked, at(1))).toBe(0);
    expect(lockRemainingMs(locked, at(2))).toBe(0);
  });
});

describe("tooManyAttemptsMessage", () => {
  it.each([
    [1, "Too many attempts. Try again in 1 minute."],
    [60_000, "Too many attempts. Try again in 1 minute."],
    [60_001, "Too many attempts. Try again in 2 minutes."],
    [15 * MINUTE, "Too many attempts. Try again in 15 minutes."],
  ])("%i ms → %s", (ms, message) => {
    expect(tooManyAttemptsMessage(ms)).toBe(message);
  });
});
