// The reservations behind every secret check, against a real, freshly
// migrated database (SQLite, and PostgreSQL when TEST_POSTGRES_URL is set):
// the conditional updates are the whole defence against parallel guesses, so
// they are tested where they run, with many requests racing for one key.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { Budget, CheckVerdict } from "@/lib/throttle/throttled-attempt";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const MINUTE = 60_000;
const limit = { maxAttempts: 5, windowMinutes: 15, lockMinutes: 1, maxLockMinutes: 60 };

describe.each(testDatabases())("throttled attempts on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let modules: {
    db: typeof import("@/lib/db").db;
    reservations: typeof import("@/lib/throttle/reservations");
    throttledAttempt: typeof import("@/lib/throttle/throttled-attempt").throttledAttempt;
  };

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    modules = {
      db: (await import("@/lib/db")).db,
      reservations: await import("@/lib/throttle/reservations"),
      throttledAttempt: (await import("@/lib/throttle/throttled-attempt")).throttledAttempt,
    };
  }, 60_000);

  afterAll(async () => {
    await modules?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  const freshKey = () => `account:${crypto.randomUUID()}@example.com`;
  const budget = (key: string): Budget => ({ key, limit, label: `account ${key}`, perAccount: true, clearedByCompleteProof: true });
  const row = (key: string) => modules.db.rateLimit.findUnique({ where: { key } });
  const settle = <T>(verdict: CheckVerdict<T>["verdict"], value: T) => async (): Promise<CheckVerdict<T>> => {
    await new Promise((resolve) => setTimeout(resolve, 30)); // a check takes a while, as bcrypt does
    return { verdict, value };
  };

  it("of 30 parallel reservations against one new key, exactly the limit succeed", async () => {
    const key = freshKey();
    const results = await Promise.all(Array.from({ length: 30 }, () => modules.reservations.reserveAttempt(key, limit)));
    expect(results.filter((result) => result.status === "reserved")).toHaveLength(5);
    expect(results.filter((result) => result.status === "full")).toHaveLength(25);
    expect((await row(key))?.attempts).toBe(5);
  }, 30_000); // thirty requests racing on a loaded machine

  it("checks at most the limit of 20 parallel wrong guesses, locks once, and refuses the rest and a right one after", async () => {
    const key = freshKey();
    let checked = 0;
    const wrong = async (): Promise<CheckVerdict<string>> => {
      checked += 1;
      return settle("wrong", "wrong")();
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => modules.throttledAttempt([budget(key)], wrong)));
    expect(checked).toBe(5);
    expect(results.filter((result) => result.throttled)).toHaveLength(15);
    expect(results.flatMap((result) => (result.throttled ? [] : result.lockedNow))).toEqual([key]);
    const state = await row(key);
    expect(state?.lockLevel).toBe(1);
    expect(state?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());

    const right = await modules.throttledAttempt([budget(key)], settle("complete", "right"));
    expect(right.throttled).toBe(true);
    const locks = await modules.db.auditEvent.count({ where: { action: "throttle.triggered", detail: `account ${key}` } });
    expect(locks).toBe(1);
  }, 30_000);

  it("lets 8 parallel right secrets through a budget of 5 (they wait for each other's places) and leaves no counter", async () => {
    const key = freshKey();
    const results = await Promise.all(Array.from({ length: 8 }, () => modules.throttledAttempt([budget(key)], settle("right", "ok"))));
    expect(results.every((result) => !result.throttled)).toBe(true);
    expect(await row(key)).toBeNull();
  }, 30_000);

  it("gives a right secret's place back, and clears the failures only for a complete proof", async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await modules.throttledAttempt([budget(key)], settle("wrong", null));
    await modules.throttledAttempt([budget(key)], settle("right", null));
    expect((await row(key))?.attempts).toBe(3);
    await modules.throttledAttempt([budget(key)], settle("complete", null));
    expect(await row(key)).toBeNull();
  });

  it("gives the places back when the check fails unexpectedly, on every budget", async () => {
    const [first, second] = [freshKey(), freshKey()];
    await modules.throttledAttempt([budget(first)], settle("wrong", null));
    const broken = async (): Promise<CheckVerdict<null>> => {
      throw new Error("database outage");
    };
    await expect(modules.throttledAttempt([budget(first), budget(second)], broken)).rejects.toThrow("database outage");
    expect((await row(first))?.attempts).toBe(1);
    expect(await row(second)).toBeNull();
  });

  it("gives the first budget's place back when the second refuses", async () => {
    const [account, address] = [freshKey(), freshKey()];
    for (let i = 0; i < 5; i++) await modules.throttledAttempt([budget(address)], settle("wrong", null));
    const result = await modules.throttledAttempt([budget(account), budget(address)], settle("complete", null));
    expect(result).toMatchObject({ throttled: true, refusedBy: address });
    expect(await row(account)).toBeNull();
  });

  it("starts a window that has run out again, and doubles the next lock", async () => {
    const key = freshKey();
    const start = new Date(Date.now() - 100 * MINUTE);
    for (let i = 0; i < 4; i++) expect(await modules.reservations.reserveAttempt(key, limit, () => start)).toEqual({ status: "reserved" });
    const later = new Date(start.getTime() + 16 * MINUTE);
    expect(await modules.reservations.reserveAttempt(key, limit, () => later)).toEqual({ status: "reserved" });
    expect((await row(key))?.attempts).toBe(1);

    for (let i = 0; i < 4; i++) await modules.reservations.reserveAttempt(key, limit, () => later);
    expect(await modules.reservations.settleFailure(key, limit, () => later)).toBe(true);
    expect(await modules.reservations.settleFailure(key, limit, () => later), "only one failure locks").toBe(false);
    expect(await modules.reservations.reserveAttempt(key, limit, () => later)).toEqual({ status: "locked", retryAfterMs: MINUTE });

    const afterLock = new Date(later.getTime() + MINUTE);
    for (let i = 0; i < 5; i++) await modules.reservations.reserveAttempt(key, limit, () => afterLock);
    expect(await modules.reservations.settleFailure(key, limit, () => afterLock)).toBe(true);
    expect(await modules.reservations.reserveAttempt(key, limit, () => afterLock)).toEqual({ status: "locked", retryAfterMs: 2 * MINUTE });
  });
});
