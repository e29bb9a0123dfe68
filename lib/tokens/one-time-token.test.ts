// One-time tokens against a real, freshly migrated database (both kinds when
// TEST_POSTGRES_URL is set): what is stored, single use under races, expiry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken as hash } from "@/lib/security/random-token";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

describe.each(testDatabases())("one-time tokens on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db").db;
  let tokens: typeof import("@/lib/tokens/one-time-token");
  let userId: string;

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    db = (await import("@/lib/db")).db;
    tokens = await import("@/lib/tokens/one-time-token");
    userId = (await db.user.create({ data: { email: "ada@example.com", name: "Ada" } })).id;
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await releaseTestDatabase(database);
  });

  const issue = (purpose: "password_reset" | "email_verification" = "password_reset", ttlMs = 60_000, now = new Date()) =>
    tokens.issueToken({ purpose, userId, ttlMs, data: "detail" }, db, now);

  it("hands out 256 random bits and stores only their hash", async () => {
    const raw = await issue();
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await issue()).not.toBe(raw);
    const rows = await db.oneTimeToken.findMany();
    expect(JSON.stringify(rows)).not.toContain(raw);
  });

  it("is used once, and returns what it was issued with", async () => {
    const raw = await issue();
    expect(await tokens.findToken("password_reset", raw)).toMatchObject({ userId, data: "detail" });
    expect(await tokens.consumeToken("password_reset", raw)).toMatchObject({ userId, data: "detail" });
    expect(await tokens.consumeToken("password_reset", raw)).toBeNull();
    expect(await tokens.findToken("password_reset", raw)).toBeNull();
  });

  it("is worthless for any other purpose", async () => {
    const raw = await issue("password_reset");
    expect(await tokens.consumeToken("email_verification", raw)).toBeNull();
    expect(await tokens.consumeToken("password_reset", raw)).not.toBeNull();
  });

  it("expires", async () => {
    const issuedAt = new Date("2026-06-01T12:00:00Z");
    const raw = await issue("password_reset", 30 * 60_000, issuedAt);
    const later = (minutes: number) => new Date(issuedAt.getTime() + minutes * 60_000);
    expect(await tokens.findToken("password_reset", raw, later(29))).not.toBeNull();
    expect(await tokens.consumeToken("password_reset", raw, db, later(30))).toBeNull();
    expect(await tokens.consumeToken("password_reset", raw, db, later(29))).not.toBeNull();
  });

  it("gives exactly one of many racing requests the token", async () => {
    const raw = await issue();
    const results = await Promise.all(Array.from({ length: 12 }, () => tokens.consumeToken("password_reset", raw)));
    expect(results.filter((result) => result !== null)).toHaveLength(1);
  });

  it("voids the user's live tokens of the named purposes only", async () => {
    const reset = await issue("password_reset");
    const confirm = await issue("email_verification");
    expect(await tokens.voidTokens(userId, ["password_reset"])).toBeGreaterThanOrEqual(1);
    expect(await tokens.consumeToken("password_reset", reset)).toBeNull();
    expect(await tokens.consumeToken("email_verification", confirm)).not.toBeNull();
  });

  it("refuses malformed tokens without a match", async () => {
    for (const raw of [undefined, null, 42, "", "short", "A".repeat(44), "A".repeat(42) + "=", ["A".repeat(43)]]) {
      expect(tokens.isWellFormedToken(raw)).toBe(false);
      expect(await tokens.consumeToken("password_reset", raw)).toBeNull();
    }
  });

  it("prunes tokens a day after they expired", async () => {
    const longAgo = new Date(Date.now() - 3 * 24 * 60 * 60_000);
    const stale = await issue("password_reset", 60_000, longAgo);
    const live = await issue();
    expect(await tokens.pruneTokens()).toBeGreaterThanOrEqual(1);
    expect(await db.oneTimeToken.count({ where: { tokenHash: { in: [stale, live].map(hash) } } })).toBe(1);
  });
});
