import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, GIVE_UP_AFTER_MS, LONGEST_RETRY_MS, nextAttemptAt, retryDelayMs } from "@/lib/mail/retry-schedule";

describe("mail retry schedule", () => {
  it("retries the first failure within 10 seconds", () => {
    expect(retryDelayMs(1)).toBe(FIRST_RETRY_MS);
    expect(retryDelayMs(1)).toBeLessThanOrEqual(10_000);
  });

  it("waits twice as long after each further failure", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
  });

  it("never waits longer than the cap, however many failures", () => {
    expect(retryDelayMs(12)).toBe(LONGEST_RETRY_MS);
    expect(retryDelayMs(1_000_000)).toBe(LONGEST_RETRY_MS);
  });

  it("schedules from the time of the failure", () => {
    const queuedAt = new Date("2026-12-01T10:00:00Z");
    const now = new Date("2026-12-01T10:01:00Z");
    expect(nextAttemptAt(queuedAt, 2, now)).toEqual(new Date("2026-12-01T10:01:10Z"));
  });

  it("gives up when the next attempt would fall more than a day after queueing", () => {
    const queuedAt = new Date("2026-12-01T10:00:00Z");
    const justInside = new Date(queuedAt.getTime() + GIVE_UP_AFTER_MS - LONGEST_RETRY_MS);
    expect(nextAttemptAt(queuedAt, 50, justInside)).not.toBeNull();
    const tooLate = new Date(justInside.getTime() + 1);
    expect(nextAttemptAt(queuedAt, 50, tooLate)).toBeNull();
  });

  it("keeps trying for the whole day: about 55 attempts in 24 hours", () => {
    const queuedAt = new Date("2026-12-01T00:00:00Z");
    let now = queuedAt;
    let failures = 0;
    for (;;) {
      failures += 1;
      const next = nextAttemptAt(queuedAt, failures, now);
      if (!next) break;
      now = next;
    }
    expect(now.getTime() - queuedAt.getTime()).toBeGreaterThan(GIVE_UP_AFTER_MS - LONGEST_RETRY_MS);
    expect(failures).toBeGreaterThan(40);
    expect(failures).toBeLessThan(70);
  });
});
