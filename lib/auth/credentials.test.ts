import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashCost, hashPassword, verifyPassword } from "@/lib/passwords/password";

// checkCredentials runs here against a real, freshly migrated SQLite file, so
// the hash upgrade is proven through Prisma exactly as the app performs it.
const CONFIGURED_COST = 10;
const OLD_COST = 4;
const PASSWORD = "correct horse battery staple";
// Each bcrypt operation at cost 10 takes tens of milliseconds in pure JS.
const SLOW = 20_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-credentials-"));
let credentials: typeof import("@/lib/auth/credentials");
let db: (typeof import("@/lib/db"))["db"];

beforeAll(async () => {
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../../scripts/prisma.mjs"), "migrate"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  // lib/env.ts reads the environment once, when first imported.
  vi.stubEnv("DATABASE_URL", url);
  vi.stubEnv("BCRYPT_COST", String(CONFIGURED_COST));
  credentials = await import("@/lib/auth/credentials");
  ({ db } = await import("@/lib/db"));
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function userWithHashAtCost(cost: number, active = true): Promise<{ id: string; email: string; hash: string }> {
  const email = `user-${crypto.randomUUID()}@example.test`;
  const hash = await hashPassword(PASSWORD, cost);
  const { id } = await db.user.create({ data: { name: "Test User", email, passwordHash: hash, active }, select: { id: true } });
  return { id, email, hash };
}

async function storedHash(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
  return user.passwordHash ?? "";
}

describe("checkCredentials: bcrypt cost upgrade", () => {
  it(
    "re-hashes at the configured cost on a successful sign-in, and the password still works",
    async () => {
      const { email, hash } = await userWithHashAtCost(OLD_COST);

      await expect(credentials.checkCredentials(email, PASSWORD)).resolves.toMatchObject({ ok: true });

      const upgraded = await storedHash(email);
      expect(upgraded).not.toBe(hash);
      expect(hashCost(upgraded)).toBe(CONFIGURED_COST);
      expect(await verifyPassword(PASSWORD, upgraded)).toBe(true);
      await expect(credentials.checkCredentials(email, PASSWORD)).resolves.toMatchObject({ ok: true });
    },
    SLOW,
  );

  it(
    "leaves a hash already at the configured cost alone",
    async () => {
      const { email, hash } = await userWithHashAtCost(CONFIGURED_COST);
      await expect(credentials.checkCredentials(email, PASSWORD)).resolves.toMatchObject({ ok: true });
      expect(await storedHash(email)).toBe(hash);
    },
    SLOW,
  );

  it(
    "does not touch the hash after a wrong password or for a deactivated account",
    async () => {
      const wrong = await userWithHashAtCost(OLD_COST);
      await expect(credentials.checkCredentials(wrong.email, "not the password")).resolves.toEqual({
        ok: false,
        reason: "invalid",
        userId: wrong.id,
      });
      expect(await storedHash(wrong.email)).toBe(wrong.hash);

      const inactive = await userWithHashAtCost(OLD_COST, false);
      await expect(credentials.checkCredentials(inactive.email, PASSWORD)).resolves.toEqual({
        ok: false,
        reason: "inactive",
        userId: inactive.id,
      });
      expect(await storedHash(inactive.email)).toBe(inactive.hash);
    },
    SLOW,
  );
});
