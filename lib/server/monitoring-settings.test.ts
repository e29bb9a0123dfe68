import { describe, expect, it } from "vitest";
import { parseMetricsToken, parseShutdownReadyDelay } from "@/lib/server/monitoring-settings.mjs";
import { scrapeAccess } from "@/lib/server/metrics-endpoint.mjs";

describe("METRICS_TOKEN", () => {
  it("is off when unset or empty", () => {
    expect(parseMetricsToken(undefined)).toBeNull();
    expect(parseMetricsToken("  ")).toBeNull();
  });
  it("must be long and without spaces", () => {
    expect(parseMetricsToken("0123456789abcdef")).toBe("0123456789abcdef");
    expect(() => parseMetricsToken("short")).toThrow(/at least 16 characters/);
    expect(() => parseMetricsToken("0123456789 abcdef")).toThrow(/without spaces/);
  });
});

describe("a scrape's Authorization", () => {
  const token = "0123456789abcdef0123";
  it("opens /metrics only with the token as a Bearer token", () => {
    expect(scrapeAccess(token, `Bearer ${token}`)).toBe("ok");
    expect(scrapeAccess(token, `bearer ${token}`)).toBe("ok");
    expect(scrapeAccess(token, undefined)).toBe("refused");
    expect(scrapeAccess(token, "Bearer 0123456789abcdef0124")).toBe("refused");
    expect(scrapeAccess(token, `Basic ${token}`)).toBe("refused");
    expect(scrapeAccess(token, `Bearer ${token} extra`)).toBe("refused");
  });
  it("is never open without METRICS_TOKEN", () => {
    expect(scrapeAccess(null, "Bearer anything")).toBe("unset");
  });
});

describe("SHUTDOWN_READY_DELAY_SECONDS", () => {
  it("is 5 s unless set", () => {
    expect(parseShutdownReadyDelay(undefined)).toBe(5);
    expect(parseShutdownReadyDelay("")).toBe(5);
    expect(parseShutdownReadyDelay("0")).toBe(0);
    expect(parseShutdownReadyDelay("30")).toBe(30);
  });
  it("refuses what is not a whole number of seconds up to 120", () => {
    for (const value of ["-1", "1.5", "five", "121"]) expect(() => parseShutdownReadyDelay(value), value).toThrow(/SHUTDOWN_READY_DELAY_SECONDS/);
  });
});
