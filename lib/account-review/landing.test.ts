// The sign-in landing against a real, freshly migrated database (SQLite, and
// PostgreSQL when TEST_POSTGRES_URL is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

describe.each(testDatabases())("sign-in landing on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let modules: {
    db: typeof import("@/lib/db").db;
    landing: typeof import("@/lib/account-review/landing");
    flag: typeof import("@/lib/account-review/flag");
  };

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    modules = {
      db: (await import("@/lib/db")).db,
      landing: await import("@/lib/account-review/landing"),
      flag: await import("@/lib/account-review/flag"),
    };
  }, 60_000);

  afterAll(async () => {
    await modules?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  async function newUser() {
    return modules.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, name: "Ada" } });
  }

  it("goes to `next`, or the dashboard, when no reset asked for a review", async () => {
    const user = await newUser();
    expect(await modules.landing.signInLanding({ id: user.id }, "/profile")).toBe("/profile");
    expect(await modules.landing.signInLanding({ email: user.email }, null)).toBe("/dashboard");
  });

  it("goes to the review, keeping `next`, from a reset until the review is confirmed", async () => {
    const user = await newUser();
    await modules.flag.requireReviewAfterReset(user.id, modules.db);
    expect(await modules.landing.signInLanding({ id: user.id }, "/profile?tab=keys")).toBe(
      "/profile/review?next=%2Fprofile%3Ftab%3Dkeys",
    );
    expect(await modules.landing.signInLanding({ email: user.email }, null)).toBe("/profile/review");
    // A whole user row, read before the sign-in changed some of its columns, still finds the account.
    await modules.db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    expect(await modules.landing.signInLanding(user, null)).toBe("/profile/review");

    expect(await modules.flag.clearReviewRequired(user.id)).toBe(true);
    expect(await modules.flag.clearReviewRequired(user.id)).toBe(false);
    expect(await modules.landing.signInLanding({ id: user.id }, null)).toBe("/dashboard");
  });
});
