import { describe, expect, it } from "vitest";
import {
  evaluateSession,
  sessionExpiresAt,
  type RequestFacts,
  type SessionFacts,
} from "@/lib/sessions/policy";
import type { SessionPolicy } from "@/lib/settings/policies";

const MINUTE = 60_000;
const policy: SessionPolicy = { idleMinutes: 30, absoluteHours: 12, rememberDays: 30, freshMinutes: 10, protection: "strong" };
const signedInAt = new Date("2026-11-23T10:00:00Z");
const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0";

function session(overrides: Partial<SessionFacts> = {}): SessionFacts {
  return {
    createdAt: signedInAt,
    lastSeenAt: signedInAt,
    expiresAt: sessionExpiresAt(signedInAt, overrides.remember ?? false, policy),
    remember: false,
    freshAt: signedInAt,
    browserKeyHash: "key-1",
    userAgent: UA,
    revokedAt: null,
    ...overrides,
  };
}

const sameBrowser: RequestFacts = { browserKeyHash: "key-1", userAgent: UA };
const restartedBrowser: RequestFacts = { browserKeyHash: null, userAgent: UA };
const at = (minutes: number) => new Date(signedInAt.getTime() + minutes * MINUTE);

describe("sessionExpiresAt", () => {
  it("gives sessions without Remember me the absolute lifetime in hours", () => {
    expect(sessionExpiresAt(signedInAt, false, policy)).toEqual(new Date("2026-11-23T22:00:00Z"));
  });
  it("gives remembered sessions REMEMBER_ME_DAYS", () => {
    expect(sessionExpiresAt(signedInAt, true, policy)).toEqual(new Date("2026-12-23T10:00:00Z"));
  });
});

describe("evaluateSession: validity", () => {
  it("accepts a new session in the browser that created it", () => {
    expect(evaluateSession(session(), sameBrowser, at(1), policy)).toMatchObject({ valid: true });
  });

  it("refuses a revoked session", () => {
    const verdict = evaluateSession(session({ revokedAt: at(1) }), sameBrowser, at(2), policy);
    expect(verdict).toEqual({ valid: false, reason: "revoked" });
  });

  it("ends a session at its absolute expiry, however active", () => {
    const busy = session({ lastSeenAt: at(12 * 60 - 1) });
    expect(evaluateSession(busy, sameBrowser, at(12 * 60 - 1), policy).valid).toBe(true);
    expect(evaluateSession(busy, sameBrowser, at(12 * 60), policy)).toEqual({ valid: false, reason: "expired" });
  });

  it("ends a session without Remember me after SESSION_IDLE_MINUTES idle, not before", () => {
    expect(evaluateSession(session(), sameBrowser, at(30), policy).valid).toBe(true);
    expect(evaluateSession(session(), sameBrowser, at(31), policy)).toEqual({ valid: false, reason: "idle" });
  });

  it("keeps an active session without Remember me alive past the idle limit since sign-in", () => {
    expect(evaluateSession(session({ lastSeenAt: at(50) }), sameBrowser, at(70), policy).valid).toBe(true);
  });

  it("does not let a session without Remember me outlive its browser run", () => {
    expect(evaluateSession(session(), restartedBrowser, at(1), policy)).toEqual({
      valid: false,
      reason: "browser_closed",
    });
    const otherRun = { ...sameBrowser, browserKeyHash: "key-2" };
    expect(evaluateSession(session(), otherRun, at(1), policy)).toEqual({ valid: false, reason: "browser_closed" });
  });

  it("lets a remembered session survive a browser restart and days of idleness", () => {
    const remembered = session({ remember: true });
    expect(evaluateSession(remembered, restartedBrowser, at(3 * 24 * 60), policy)).toMatchObject({ valid: true });
    expect(evaluateSession(remembered, restartedBrowser, at(30 * 24 * 60), policy)).toEqual({
      valid: false,
      reason: "expired",
    });
  });
});

describe("evaluateSession: freshness", () => {
  it("is fresh within FRESH_LOGIN_MINUTES of typing the password, then stale", () => {
    expect(evaluateSession(session(), sameBrowser, at(10), policy)).toMatchObject({ valid: true, fresh: true });
    expect(evaluateSession(session({ lastSeenAt: at(10) }), sameBrowser, at(11), policy)).toMatchObject({
      valid: true,
      fresh: false,
    });
  });

  it("is not fresh when restored from Remember me in a new browser run, even at once", () => {
    const remembered = session({ remember: true });
    expect(evaluateSession(remembered, restartedBrowser, at(1), policy)).toMatchObject({ valid: true, fresh: false });
  });

  it("is not fresh without a recorded password entry", () => {
    expect(evaluateSession(session({ freshAt: null }), sameBrowser, at(1), policy)).toMatchObject({ fresh: false });
  });

  it("becomes fresh again after re-authentication", () => {
    const reauthenticated = session({ lastSeenAt: at(60), freshAt: at(60) });
    expect(evaluateSession(reauthenticated, sameBrowser, at(65), policy)).toMatchObject({ fresh: true });
  });
});

describe("evaluateSession: session protection", () => {
  const otherClient: RequestFacts = { browserKeyHash: "key-1", userAgent: "curl/8.5.0" };

  it("strong: a cookie replayed from another user agent is refused", () => {
    expect(evaluateSession(session(), otherClient, at(1), policy)).toEqual({ valid: false, reason: "client_changed" });
    expect(evaluateSession(session({ remember: true }), { ...otherClient, browserKeyHash: null }, at(1), policy)).toEqual(
      { valid: false, reason: "client_changed" },
    );
  });

  it("basic: the session stays but is no longer fresh, for good", () => {
    const basic = { ...policy, protection: "basic" as const };
    expect(evaluateSession(session(), otherClient, at(1), basic)).toEqual({
      valid: true,
      fresh: false,
      touch: true,
      dropFreshness: true,
    });
  });

  it("off: the user agent is not compared", () => {
    const off = { ...policy, protection: "off" as const };
    expect(evaluateSession(session(), otherClient, at(1), off)).toMatchObject({ valid: true, fresh: true });
  });
});

describe("evaluateSession: last-seen writes", () => {
  it("asks for a lastSeenAt write at most once a minute", () => {
    expect(evaluateSession(session(), sameBrowser, new Date(signedInAt.getTime() + 59_000), policy)).toMatchObject({
      touch: false,
    });
    expect(evaluateSession(session(), sameBrowser, at(1), policy)).toMatchObject({ touch: true });
  });
});
