// The replay store and recovery-code store against a real, freshly migrated
// database (SQLite, and PostgreSQL when TEST_POSTGRES_URL is set): the
// compare-and-set updates are the whole defence, so they are tested where
// they run, including two requests racing.
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const OLD_SECRET = "an-older-auth-secret-for-the-rotation-test-000";
const NEW_SECRET = "the-current-auth-secret-for-the-rotation-test-1";
const now = Date.UTC(2026, 11, 1, 8, 0, 15);
const NOWHERE = { ip: null, userAgent: null };

describe.each(testDatabases())("second-factor stores on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let modules: {
    db: typeof import("@/lib/db").db;
    factor: typeof import("@/lib/two-factor/totp-factor");
    recovery: typeof import("@/lib/two-factor/recovery-store");
  };

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    vi.stubEnv("AUTH_SECRET", NEW_SECRET);
    modules = {
      db: (await import("@/lib/db")).db,
      factor: await import("@/lib/two-factor/totp-factor"),
      recovery: await import("@/lib/two-factor/recovery-store"),
    };
  }, 60_000);

  afterAll(async () => {
    await modules?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  async function userWithTotp() {
    const user = await modules.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, name: "Ada" } });
    const secret = await modules.factor.pendingTotpSecret(user.id);
    if (!secret) throw new Error("no pending secret");
    const app = new TOTP({ secret: Secret.fromBase32(secret) });
    const codeAt = (offsetSteps: number) => app.generate({ timestamp: now + offsetSteps * 30_000 });
    const codes = await modules.factor.confirmTotpSetup(user.id, codeAt(-1), NOWHERE, new Date(now));
    if (!codes) throw new Error("setup refused");
    return { user, codeAt, codes };
  }

  it("keeps a pending setup's secret until it is confirmed, and counts the factor only then", async () => {
    const user = await modules.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, name: "Ada" } });
    const secret = await modules.factor.pendingTotpSecret(user.id);
    expect(await modules.factor.pendingTotpSecret(user.id)).toBe(secret);
    expect(await modules.factor.hasTotpEnabled(user.id)).toBe(false);
    const row = await modules.db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretCiphertext).not.toContain(secret);
    expect(await modules.factor.confirmTotpSetup(user.id, "000000", NOWHERE, new Date(now))).toBeNull();
  });

  it("never accepts the code that confirmed the setup again", async () => {
    const { user, codeAt } = await userWithTotp();
    expect(await modules.factor.hasTotpEnabled(user.id)).toBe(true);
    expect(await modules.factor.verifyTotpCode(user.id, codeAt(-1), new Date(now))).toBe(false);
  });

  it("accepts a code once, and then neither it nor an older step's code", async () => {
    const { user, codeAt } = await userWithTotp();
    expect(await modules.factor.verifyTotpCode(user.id, codeAt(0), new Date(now))).toBe(true);
    expect(await modules.factor.verifyTotpCode(user.id, codeAt(0), new Date(now))).toBe(false);
    expect(await modules.factor.verifyTotpCode(user.id, codeAt(1), new Date(now))).toBe(true);
    // Step 0 is older than the step just used: refused too, though inside the window.
    expect(await modules.factor.verifyTotpCode(user.id, codeAt(0), new Date(now + 30_000))).toBe(false);
  });

  it("lets exactly one of two requests racing with the same code through", async () => {
    const { user, codeAt } = await userWithTotp();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => modules.factor.verifyTotpCode(user.id, codeAt(0), new Date(now))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("re-encrypts a secret made under an older AUTH_SECRET the first time it is used after rotation", async () => {
    vi.stubEnv("AUTH_SECRET", OLD_SECRET);
    const { user, codeAt } = await userWithTotp();
    const before = await modules.db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    // Rotation as documented: the new secret in AUTH_SECRET_1 (it encrypts), the old one kept in AUTH_SECRET.
    vi.stubEnv("AUTH_SECRET_1", NEW_SECRET);
    try {
      expect(await modules.factor.verifyTotpCode(user.id, codeAt(0), new Date(now))).toBe(true);
      const after = await modules.db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
      expect(after.secretCiphertext).not.toBe(before.secretCiphertext);
      // Now readable with the new secret alone.
      vi.stubEnv("AUTH_SECRET", NEW_SECRET);
      vi.stubEnv("AUTH_SECRET_1", "");
      expect(await modules.factor.verifyTotpCode(user.id, codeAt(1), new Date(now))).toBe(true);
    } finally {
      vi.stubEnv("AUTH_SECRET", NEW_SECRET);
      vi.stubEnv("AUTH_SECRET_1", "");
    }
  });

  it("uses each recovery code once, counts what is left, and lets one of two racing uses through", async () => {
    const { user, codes } = await userWithTotp();
    const [first, second] = codes as [string, string];
    expect(await modules.recovery.consumeRecoveryCode(user.id, first.toUpperCase())).toBe(9);
    expect(await modules.recovery.consumeRecoveryCode(user.id, first)).toBeNull();
    const racing = await Promise.all([
      modules.recovery.consumeRecoveryCode(user.id, second),
      modules.recovery.consumeRecoveryCode(user.id, second),
    ]);
    expect(racing.filter((left) => left !== null)).toEqual([8]);
    expect(await modules.recovery.countRecoveryCodesLeft(user.id)).toBe(8);
  });

  it("stores only hashes, and a new set voids the old one", async () => {
    const { user, codes } = await userWithTotp();
    const rows = await modules.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of codes) expect(stored).not.toContain(code.replaceAll("-", ""));
    const fresh = await modules.recovery.replaceRecoveryCodes(user.id);
    expect(await modules.recovery.consumeRecoveryCode(user.id, codes[0] as string)).toBeNull();
    expect(await modules.recovery.consumeRecoveryCode(user.id, fresh[0] as string)).toBe(9);
  });

  it("does not let another user's recovery code in", async () => {
    const one = await userWithTotp();
    const other = await userWithTotp();
    expect(await modules.recovery.consumeRecoveryCode(other.user.id, one.codes[0] as string)).toBeNull();
  });

  it("turns the factor off with its recovery codes", async () => {
    const { user, codeAt } = await userWithTotp();
    expect(await modules.factor.disableTotp(user.id)).toBe(true);
    expect(await modules.factor.hasTotpEnabled(user.id)).toBe(false);
    expect(await modules.recovery.countRecoveryCodesLeft(user.id)).toBe(0);
    expect(await modules.factor.verifyTotpCode(user.id, codeAt(0), new Date(now))).toBe(false);
    expect(await modules.factor.disableTotp(user.id)).toBe(false);
  });
});
