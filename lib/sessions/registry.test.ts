// The session registry against a real, freshly migrated database: SQLite
// always, PostgreSQL too when TEST_POSTGRES_URL is set (CI sets it).
// findSessionWithUser is hand-written SQL, read through better-sqlite3 on
// SQLite (see its comment), so it must return exactly what Prisma's own query
// returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

describe.each(testDatabases())("session registry on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let modules: {
    db: typeof import("@/lib/db").db;
    registry: typeof import("@/lib/sessions/registry");
    findSessionWithUser: typeof import("@/lib/sessions/find-session-with-user").findSessionWithUser;
    publicUserSelect: typeof import("@/lib/users/public-user").publicUserSelect;
  };

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    modules = {
      db: (await import("@/lib/db")).db,
      registry: await import("@/lib/sessions/registry"),
      findSessionWithUser: (await import("@/lib/sessions/find-session-with-user")).findSessionWithUser,
      publicUserSelect: (await import("@/lib/users/public-user")).publicUserSelect,
    };
  }, 60_000);

  afterAll(async () => {
    await modules?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  async function prismasOwnRead(id: string) {
    return modules.db.loginSession.findUnique({
      where: { id },
      select: {
        id: true,
        userId: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        remember: true,
        freshAt: true,
        browserKeyHash: true,
        userAgent: true,
        revokedAt: true,
        user: { select: modules.publicUserSelect },
      },
    });
  }

  it("returns the session and its user exactly as Prisma reads them", async () => {
    const user = await modules.db.user.create({
      data: {
        email: "ada@example.com",
        name: "Ada Lovelace",
        role: "ADMIN",
        lastLoginAt: new Date("2026-03-04T05:06:07.089Z"),
        emailVerified: new Date("2026-03-01T01:02:03.456Z"),
      },
    });
    const { id } = await modules.registry.createLoginSession({
      userId: user.id,
      remember: true,
      method: "password",
      userAgent: "Mozilla/5.0 test",
      ip: "192.0.2.1",
    });

    const found = await modules.findSessionWithUser(id);
    expect(found).toEqual(await prismasOwnRead(id));
    expect(found?.user).toMatchObject({ email: "ada@example.com", role: "ADMIN", active: true });
    expect(found?.remember).toBe(true);
    expect(found?.expiresAt).toBeInstanceOf(Date);
  });

  it("reads nulls, false and a revoked session as they are", async () => {
    const user = await modules.db.user.create({ data: { email: "bob@example.com", name: "Bob", active: false } });
    const { id } = await modules.registry.createLoginSession({
      userId: user.id,
      remember: false,
      method: "password",
      userAgent: "curl/8",
      ip: null,
    });
    await modules.registry.dropSessionFreshness(id);
    await modules.registry.revokeSession(id);

    const found = await modules.findSessionWithUser(id);
    expect(found).toEqual(await prismasOwnRead(id));
    expect(found).toMatchObject({ remember: false, freshAt: null, user: { active: false, lastLoginAt: null, emailVerified: null } });
    expect(found?.revokedAt).toBeInstanceOf(Date);
  });

  it("returns null for an unknown id", async () => {
    expect(await modules.findSessionWithUser("no-such-session")).toBeNull();
  });

  it("prunes sessions that can never be used again, and only those", async () => {
    const { db, registry } = modules;
    const user = await db.user.create({ data: { email: "carol@example.com", name: "Carol" } });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);
    const start = (remember: boolean, at: Date) =>
      registry.createLoginSession({ userId: user.id, remember, method: "password", userAgent: "ua", ip: null }, at);

    // Default policy: 30 idle minutes and 12 hours without "Remember me", 30 days with it.
    await start(false, hoursAgo(13)); // past its 12 hours
    await start(false, hoursAgo(1)); // idle for an hour
    const revokedLongAgo = await start(true, hoursAgo(50));
    await registry.revokeSession(revokedLongAgo.id, hoursAgo(49));
    const live = await start(false, new Date());
    const remembered = await start(true, hoursAgo(5));
    const revokedRecently = await start(true, hoursAgo(2));
    await registry.revokeSession(revokedRecently.id, hoursAgo(1));

    await registry.pruneSessions();
    const left = await db.loginSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(new Set(left.map((session) => session.id))).toEqual(new Set([live.id, remembered.id, revokedRecently.id]));
  });
});
