import { describe, expect, it } from "vitest";
import { hashingThreadsPerProcess, parseWebConcurrency } from "@/lib/server/concurrency.mjs";

describe("WEB_CONCURRENCY", () => {
  it("is one process when unset or empty", () => {
    expect(parseWebConcurrency(undefined, 8)).toBe(1);
    expect(parseWebConcurrency("", 8)).toBe(1);
    expect(parseWebConcurrency("  ", 8)).toBe(1);
  });

  it("is one per core for auto, in any case", () => {
    expect(parseWebConcurrency("auto", 2)).toBe(2);
    expect(parseWebConcurrency("AUTO", 6)).toBe(6);
  });

  it("takes a whole number from 1 to 64", () => {
    expect(parseWebConcurrency("1", 2)).toBe(1);
    expect(parseWebConcurrency(" 3 ", 2)).toBe(3);
    expect(parseWebConcurrency("64", 2)).toBe(64);
  });

  it.each(["0", "65", "-1", "1.5", "two", "2x", "0x2"])("refuses %j with a message naming the variable", (value) => {
    expect(() => parseWebConcurrency(value, 2)).toThrow(/^WEB_CONCURRENCY must be "auto" or a whole number from 1 to 64/);
  });
});

describe("password-hashing threads per process", () => {
  it("gives one process every core", () => {
    expect(hashingThreadsPerProcess(2, 1)).toBe(2);
    expect(hashingThreadsPerProcess(8, 1)).toBe(8);
  });

  it("shares the cores among the processes instead of multiplying them", () => {
    expect(hashingThreadsPerProcess(2, 2)).toBe(1);
    expect(hashingThreadsPerProcess(8, 4)).toBe(2);
    expect(hashingThreadsPerProcess(8, 8)).toBe(1);
  });

  it("rounds up, so every core can hash, and never goes below one thread", () => {
    expect(hashingThreadsPerProcess(4, 3)).toBe(2);
    expect(hashingThreadsPerProcess(2, 4)).toBe(1);
    expect(hashingThreadsPerProcess(1, 1)).toBe(1);
  });

  it("keeps the total within one round-up of the cores", () => {
    for (let cores = 1; cores <= 16; cores++) {
      for (let processes = 1; processes <= cores; processes++) {
        const total = hashingThreadsPerProcess(cores, processes) * processes;
        expect(total).toBeGreaterThanOrEqual(cores);
        expect(total).toBeLessThan(cores + processes);
      }
    }
  });
});
