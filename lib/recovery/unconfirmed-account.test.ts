// What a reset removes from a never-confirmed account, and what it leaves on
// a confirmed one, against real, freshly migrated databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

describe.each(testDatabases())("a reset's first proof of the address on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db").db;
  let unconfirmed: typeof import("@/lib/recovery/unconfirmed-account");
  let cancel: typeof import("@/lib/verification/email-change-cancel");
  let tokens: typeof import("@/lib/tokens/one-time-token");

  beforeAll(async () => {
    database = await createDatabase();
    useTestDatabase(database);
    db = (await import("@/lib/db")).db;
    unconfirmed = await import("@/lib/recovery/unconfirmed-account");
    cancel = await import("@/lib/verification/email-change-cancel");
    tokens = await import("@/lib/tokens/one-time-token");
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await releaseTestDatabase(database);
  });

  /** An account with one of everything a squatter could have added. */
  async function accountWithEverything(email: string, emailVerified: Date | null) {
    const user = await db.user.create({ data: { email, name: "Someone", emailVerified, pendingEmail: `new-${email}` } });
    const userId = user.id;
    await db.totpCredential.create({ data: { userId, secretCiphertext: "sealed", enabledAt: new Date() } });
    await db.recoveryCode.createMany({ data: [1, 2].map((n) => ({ userId, codeHash: `${email}-${n}` })) });
    await db.passkey.create({
      data: { id: `pk-${email}`, userId, name: "Laptop", publicKey: Buffer.from([1]), counter: 0n, transports: "internal", deviceType: "singleDevice", backedUp: false },
    });
    await db.apiKey.create({ data: { userId, name: "Script", prefix: "lk_x", keyHash: `key-${email}` } });
    await db.account.create({ data: { userId, type: "oidc", provider: "example", providerAccountId: email } });
    await db.session.create({ data: { userId, sessionToken: `s-${email}`, expires: new Date(Date.now() + 60_000) } });
    return userId;
  }

  async function whatIsLeft(userId: string) {
    return {
      totp: await db.totpCredential.count({ where: { userId } }),
      recoveryCodes: await db.recoveryCode.count({ where: { userId } }),
      passkeys: await db.passkey.count({ where: { userId } }),
      apiKeys: await db.apiKey.count({ where: { userId } }),
      accounts: await db.account.count({ where: { userId } }),
      sessions: await db.session.count({ where: { userId } }),
    };
  }

  it("confirms a never-confirmed address and removes every factor, key, provider and adapter session", async () => {
    const userId = await accountWithEverything("squatted@example.com", null);
    const removed = await db.$transaction((tx) => unconfirmed.confirmAddressByReset(userId, tx));
    expect(removed).toEqual({ authenticatorApp: true, recoveryCodes: 2, passkeys: 1, apiKeys: 1, connectedProviders: 1 });
    expect(await whatIsLeft(userId)).toEqual({ totp: 0, recoveryCodes: 0, passkeys: 0, apiKeys: 0, accounts: 0, sessions: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerified).not.toBeNull();
    expect(unconfirmed.describeRemoved(removed!)).toEqual([
      "the authenticator app",
      "2 recovery codes",
      "1 passkey",
      "1 API key",
      "1 connected sign-in provider",
    ]);
  });

  it("leaves a confirmed account as it is", async () => {
    const userId = await accountWithEverything("owned@example.com", new Date("2026-01-01T00:00:00Z"));
    expect(await db.$transaction((tx) => unconfirmed.confirmAddressByReset(userId, tx))).toBeNull();
    expect(await whatIsLeft(userId)).toEqual({ totp: 1, recoveryCodes: 2, passkeys: 1, apiKeys: 1, accounts: 1, sessions: 1 });
  });

  it("cancels a pending email change and voids both of its links", async () => {
    const { id: userId } = await db.user.create({ data: { email: "moving@example.com", name: "Mover", pendingEmail: "next@example.com" } });
    const change = await tokens.issueToken({ purpose: "email_change", userId, ttlMs: 60_000, data: "next@example.com" });
    const notMe = await tokens.issueToken({ purpose: "email_change_cancel", userId, ttlMs: 60_000, data: "next@example.com" });
    expect(await db.$transaction((tx) => cancel.cancelPendingEmailChange(userId, tx))).toBe("next@example.com");
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).pendingEmail).toBeNull();
    expect(await tokens.findToken("email_change", change)).toBeNull();
    expect(await tokens.findToken("email_change_cancel", notMe)).toBeNull();
    expect(await db.$transaction((tx) => cancel.cancelPendingEmailChange(userId, tx))).toBeNull();
  });
});
