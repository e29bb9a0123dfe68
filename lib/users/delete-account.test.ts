// Account deletion against a real, freshly migrated database (both kinds when
// TEST_POSTGRES_URL is set): an account with a row in every table that can
// hold one, deleted, leaves no row that names its id or its address but the
// goodbye mail, and that goes once the outbox sender (with the app's own log
// transport) has sent it. The operators' script is run as operators run it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const FROM = { ip: "203.0.113.9", userAgent: "vitest" };

/** Every row of every table, as text, for searching. */
async function everyRow(db: typeof import("@/lib/db").db): Promise<Record<string, string[]>> {
  const tables = {
    User: await db.user.findMany(),
    TotpCredential: await db.totpCredential.findMany(),
    RecoveryCode: await db.recoveryCode.findMany(),
    Passkey: await db.passkey.findMany(),
    LoginSession: await db.loginSession.findMany(),
    ApiKey: await db.apiKey.findMany(),
    RateLimit: await db.rateLimit.findMany(),
    AuditEvent: await db.auditEvent.findMany(),
    OneTimeToken: await db.oneTimeToken.findMany(),
    OutboxMail: await db.outboxMail.findMany(),
    Account: await db.account.findMany(),
    Session: await db.session.findMany(),
    VerificationToken: await db.verificationToken.findMany(),
  };
  const text = (row: unknown) => JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value));
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.map(text)]));
}

function rowsNaming(rows: Record<string, string[]>, needles: string[]): string[] {
  return Object.entries(rows).flatMap(([table, list]) =>
    list.filter((row) => needles.some((needle) => row.includes(needle))).map((row) => `${table}: ${row}`),
  );
}

describe.each(testDatabases())("account deletion on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let m: {
    db: typeof import("@/lib/db").db;
    deletion: typeof import("@/lib/users/delete-account");
    sender: typeof import("@/lib/mail/sender");
    catalog: typeof import("@/lib/startup/mail-catalog").mailCatalog;
    transport: typeof import("@/lib/mail/transport");
    exporting: typeof import("@/lib/users/export-account");
  };

  beforeAll(async () => {
    database = await createDatabase();
    vi.stubEnv("SMTP_URL", "");
    useTestDatabase(database);
    m = {
      db: (await import("@/lib/db")).db,
      deletion: await import("@/lib/users/delete-account"),
      sender: await import("@/lib/mail/sender"),
      catalog: (await import("@/lib/startup/mail-catalog")).mailCatalog,
      transport: await import("@/lib/mail/transport"),
      exporting: await import("@/lib/users/export-account"),
    };
  }, 180_000);

  afterAll(async () => {
    await m?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  /** An account with something in every table that can name it. */
  async function fullAccount(email: string, role: "USER" | "ADMIN" = "USER") {
    const { db } = m;
    const user = await db.user.create({
      data: { email, name: "Del", role, passwordHash: "$2b$10$not-a-real-hash", pendingEmail: `new-${email}` },
    });
    const now = new Date();
    await db.loginSession.create({
      data: { id: `s-${user.id}`, userId: user.id, expiresAt: new Date(now.getTime() + 3_600_000), remember: false, method: "password", browserKeyHash: "bk", userAgent: "ua" },
    });
    await db.apiKey.create({ data: { userId: user.id, name: "ci", prefix: "lk_abc", keyHash: `kh-${user.id}` } });
    await db.passkey.create({
      data: { id: `pk-${user.id}`, userId: user.id, name: "phone", publicKey: Buffer.from([1, 2]), counter: 0n, transports: "internal", deviceType: "multiDevice", backedUp: true },
    });
    await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: "ciphertext", enabledAt: now } });
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: `rc-${user.id}` } });
    await db.oneTimeToken.create({ data: { purpose: "email_change", tokenHash: `t-${user.id}`, userId: user.id, data: `new-${email}`, expiresAt: now } });
    await db.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: `gh-${user.id}` } });
    await db.session.create({ data: { sessionToken: `st-${user.id}`, userId: user.id, expires: now } });
    await db.verificationToken.create({ data: { identifier: email, token: `vt-${user.id}`, expires: now } });
    await db.rateLimit.create({ data: { key: `account:${email}`, attempts: 2, windowStart: now } });
    await db.outboxMail.create({ data: { template: "email_verification", to: email, params: JSON.stringify({ userId: user.id }) } });
    await db.outboxMail.create({ data: { template: "email_changed", to: `old-${email}`, params: JSON.stringify({ name: "Del", newEmail: email }), sentAt: now } });
    await db.auditEvent.create({ data: { action: "user.registered", actorId: user.id } });
    await db.auditEvent.create({ data: { action: "email.changed", actorId: user.id, detail: `from old-${email} to ${email}` } });
    await db.auditEvent.create({ data: { action: "sign_in.failed", detail: `password for ${email}: wrong password` } });
    return user;
  }

  it("removes every row that names the account, keeps its audit records under one pseudonym, then its goodbye", async () => {
    const { db, deletion } = m;
    const email = "gone@example.com";
    const user = await fullAccount(email);
    const other = await fullAccount("stays@example.com");
    const admin = await db.user.create({ data: { email: "boss@example.com", name: "Boss", role: "ADMIN" } });
    await db.auditEvent.create({ data: { action: "user.deactivated", actorId: admin.id, targetUserId: user.id } });
    const auditCount = await db.auditEvent.count();

    const result = await deletion.deleteAccount({ userId: user.id, confirmedEmail: email, by: { kind: "owner" }, request: FROM });
    expect(result).toMatchObject({ ok: true, email });
    if (!result.ok) return;
    expect(result.pseudonym).toMatch(/^deleted-user-[0-9a-f]{16}$/);

    const rows = await everyRow(db);
    // The goodbye is the one row left that names the address.
    expect(rowsNaming(rows, [user.id, email, `old-${email}`])).toEqual([expect.stringMatching(/^OutboxMail: .*"template":"account_deleted"/)]);
    // The other account is untouched.
    expect(rowsNaming(rows, [other.id]).length).toBeGreaterThanOrEqual(12);

    const kept = await db.auditEvent.findMany({ where: { OR: [{ actorPseudonym: result.pseudonym }, { targetPseudonym: result.pseudonym }] } });
    // Its own two, the admin's action on it, its deletion; the failed sign-in names it only in its detail.
    expect(kept).toHaveLength(4);
    expect(await db.auditEvent.count()).toBe(auditCount + 1);
    expect(kept.find((event) => event.action === "email.changed")?.detail).toBe(`from ${result.pseudonym} to ${result.pseudonym}`);
    expect(kept.find((event) => event.action === "user.deactivated")).toMatchObject({ actorId: admin.id, targetUserId: null });
    expect(kept.find((event) => event.action === "account.deleted")).toMatchObject({ ip: FROM.ip, actorId: null, targetUserId: null });
    const failed = await db.auditEvent.findFirst({ where: { action: "sign_in.failed", detail: { contains: result.pseudonym } } });
    expect(failed?.detail).toBe(`password for ${result.pseudonym}: wrong password`);

    const sender = m.sender.createMailSender(m.transport.createMailTransport(), m.catalog);
    expect(await sender.deliverDueMails()).toBeGreaterThanOrEqual(1);
    expect(await db.outboxMail.count({ where: { to: email } })).toBe(0);
    expect(rowsNaming(await everyRow(db), [user.id, email])).toEqual([]);
  }, 60_000);

  it("refuses a mistyped address, the last active admin, and an admin deleting themselves", async () => {
    const { db, deletion } = m;
    const user = await db.user.create({ data: { email: "typo@example.com", name: "Ty" } });
    expect(await deletion.deleteAccount({ userId: user.id, confirmedEmail: "typ0@example.com", by: { kind: "owner" }, request: FROM })).toEqual({
      ok: false,
      reason: "email_mismatch",
    });

    await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const last = await db.user.create({ data: { email: "last-admin@example.com", name: "Last", role: "ADMIN" } });
    expect(await deletion.deleteAccount({ userId: last.id, confirmedEmail: last.email, by: { kind: "owner" }, request: FROM })).toEqual({
      ok: false,
      reason: "last_admin",
    });
    expect(await db.user.count({ where: { id: last.id } })).toBe(1);

    const publicLast = { ...last, emailVerified: null, lastLoginAt: null };
    expect(
      await deletion.deleteAccount({ userId: last.id, confirmedEmail: last.email, by: { kind: "admin", admin: publicLast }, request: FROM }),
    ).toEqual({ ok: false, reason: "self_from_admin" });

    // With a second active admin, each may go.
    const second = await db.user.create({ data: { email: "second-admin@example.com", name: "Second", role: "ADMIN" } });
    expect(await deletion.deleteAccount({ userId: last.id, confirmedEmail: last.email, by: { kind: "owner" }, request: FROM })).toMatchObject({ ok: true });
    const deletedByAdmin = await deletion.deleteAccount({
      userId: user.id,
      confirmedEmail: user.email,
      by: { kind: "admin", admin: { ...second, emailVerified: null, lastLoginAt: null } },
      request: FROM,
    });
    expect(deletedByAdmin).toMatchObject({ ok: true });
    const record = await db.auditEvent.findFirst({ where: { action: "user.deleted", actorId: second.id } });
    expect(record?.targetPseudonym).toMatch(/^deleted-user-/);
  }, 60_000);

  it("exports the account without a secret", async () => {
    const { db } = m;
    const user = await fullAccount("export@example.com");
    const data = await m.exporting.buildAccountExport(user.id);
    expect(data?.profile.email).toBe("export@example.com");
    expect(data?.apiKeys).toEqual([expect.objectContaining({ name: "ci" })]);
    expect(data?.passkeys).toEqual([expect.objectContaining({ name: "phone", synced: true })]);
    expect(data?.twoFactor).toMatchObject({ authenticatorApp: true, recoveryCodesLeft: 1 });
    expect(data?.connectedAccounts).toEqual([{ provider: "github", type: "oauth", linkedAt: expect.any(String), lastUsedAt: null }]);
    expect(data?.sessions).toHaveLength(1);
    expect(data?.auditEvents.map((event) => event.action).sort()).toEqual(["email.changed", "user.registered"]);
    const text = JSON.stringify(data);
    for (const secret of ["$2b$10$", `kh-${user.id}`, "ciphertext", `rc-${user.id}`, `s-${user.id}`, `gh-${user.id}`]) {
      expect(text).not.toContain(secret);
    }
    await db.user.delete({ where: { id: user.id } });
  }, 60_000);

  it("npm run user:delete deletes by address, and says why it cannot", async () => {
    const { db } = m;
    const user = await fullAccount("cli@example.com");
    const env = { ...process.env, DATABASE_URL: database.url, SMTP_URL: "" };
    const script = (args: string[]) =>
      run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/delete-user.ts", ...args], { cwd: root, env }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );

    const deleted = await script(["--email", " CLI@example.com "]);
    expect(deleted.stdout).toMatch(/^cli@example\.com is deleted; its audit records are kept as deleted-user-[0-9a-f]{16}\.$/m);
    expect(deleted.code).toBe(0);
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    const record = await db.auditEvent.findFirst({ where: { action: "user.deleted", detail: { contains: "operator" } } });
    expect(record).toMatchObject({ actorId: null, userAgent: "npm run user:delete" });

    const missing = await script(["--email", "cli@example.com"]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining("No user has the email cli@example.com.") });
    const bad = await script(["--mail", "x"]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run user:delete") });
  }, 180_000);
});
