// The per-process sweep against a real, freshly migrated database (both kinds
// when TEST_POSTGRES_URL is set): it runs on its timer, without any sign-in.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

describe.each(testDatabases())("pruning on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let m: {
    db: typeof import("@/lib/db").db;
    pruning: typeof import("@/lib/maintenance/pruning");
    tokens: typeof import("@/lib/tokens/one-time-token");
    registry: typeof import("@/lib/sessions/registry");
  };

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    m = {
      db: (await import("@/lib/db")).db,
      pruning: await import("@/lib/maintenance/pruning"),
      tokens: await import("@/lib/tokens/one-time-token"),
      registry: await import("@/lib/sessions/registry"),
    };
  }, 60_000);

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    await m?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  it("sweeps expired tokens and spent sessions every interval", async () => {
    const { db, tokens, registry } = m;
    const user = await db.user.create({ data: { email: "pruned@example.com", name: "Pru" } });
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000);
    await tokens.issueToken({ purpose: "password_reset", userId: user.id, ttlMs: 60_000 }, db, daysAgo(3));
    const live = await tokens.issueToken({ purpose: "password_reset", userId: user.id, ttlMs: 60_000 });
    await registry.createLoginSession({ userId: user.id, remember: false, method: "password", userAgent: "ua", ip: null }, daysAgo(2));
    const current = await registry.createLoginSession({ userId: user.id, remember: false, method: "password", userAgent: "ua", ip: null });

    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const pruner = m.pruning.startPruning(60_000);
    expect(await db.oneTimeToken.count({ where: { userId: user.id } })).toBe(2);
    vi.advanceTimersByTime(60_000);
    // stop() waits for the sweep the timer started.
    await pruner.stop();

    expect(await tokens.findToken("password_reset", live)).not.toBeNull();
    expect(await db.oneTimeToken.count({ where: { userId: user.id } })).toBe(1);
    const sessions = await db.loginSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(sessions.map((session) => session.id)).toEqual([current.id]);
  });

  it("logs a failed sweep instead of throwing", async () => {
    const logged = vi.spyOn((await import("@/lib/log/logger")).log, "error").mockImplementation(() => {});
    const spy = vi.spyOn(m.db.oneTimeToken, "deleteMany").mockRejectedValueOnce(new Error("database is down"));
    const pruner = m.pruning.startPruning();
    await expect(pruner.prune()).resolves.toBeUndefined();
    await pruner.stop();
    expect(logged).toHaveBeenCalledWith({ reason: "database is down" }, expect.any(String));
    spy.mockRestore();
    logged.mockRestore();
  });
});
