import { describe, expect, it } from "vitest";
import { restartBackoff } from "@/lib/server/restart-backoff.mjs";

describe("the restart backoff of the cluster's primary", () => {
  it("waits 1 s, then twice as long after each failure in a row, at most 30 s", () => {
    const backoff = restartBackoff();
    const delays = Array.from({ length: 8 }, () => backoff.nextDelay().delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("counts the attempts it schedules", () => {
    const backoff = restartBackoff();
    expect(backoff.nextDelay().attempt).toBe(2);
    expect(backoff.nextDelay().attempt).toBe(3);
  });

  it("starts again from the first delay once a replacement has served", () => {
    const backoff = restartBackoff({ firstMs: 100, maxMs: 1_000 });
    backoff.nextDelay();
    backoff.nextDelay();
    backoff.reset();
    expect(backoff.nextDelay()).toEqual({ delayMs: 100, attempt: 2 });
  });

  it("stays at the longest delay however long it fails", () => {
    const backoff = restartBackoff();
    for (let i = 0; i < 100; i++) backoff.nextDelay();
    expect(backoff.nextDelay().delayMs).toBe(30_000);
  });
});
