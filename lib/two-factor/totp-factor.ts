import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log/logger";
import { decryptSecret, encryptSecret } from "@/lib/two-factor/encryption";
import { claimTimeStep } from "@/lib/two-factor/replay";
import { createTotpSecret, matchTotpStep } from "@/lib/two-factor/totp";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-store";

/** Whether the account has a confirmed authenticator app: then every password sign-in asks for a code. */
export async function hasTotpEnabled(userId: string): Promise<boolean> {
  const row = await db.totpCredential.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

/**
 * The secret to show while setting up: the pending one if a setup was begun
 * (so reloading the page keeps the QR code already scanned), else a new one.
 * Null when the factor is already on.
 */
export async function pendingTotpSecret(userId: string): Promise<string | null> {
  const row = await db.totpCredential.findUnique({ where: { userId } });
  if (row?.enabledAt) return null;
  const existing = row ? decryptSecret(row.secretCiphertext, userId) : null;
  if (existing) return existing.plain;
  const secret = createTotpSecret();
  const secretCiphertext = encryptSecret(secret, userId);
  await db.totpCredential.upsert({
    where: { userId },
    create: { userId, secretCiphertext },
    update: { secretCiphertext, enabledAt: null, lastUsedStep: null },
  });
  return secret;
}

/**
 * Turns the factor on once a code from the app proves it was set up. The
 * code's step is recorded as used, so it cannot sign in afterwards. Returns
 * the new recovery codes, or null for a wrong code (or no pending setup).
 * `from` is the request that confirmed it, kept for the review after a reset.
 */
export async function confirmTotpSetup(
  userId: string,
  code: string,
  from: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string[] | null> {
  const row = await db.totpCredential.findUnique({ where: { userId } });
  if (!row || row.enabledAt) return null;
  const secret = decryptSecret(row.secretCiphertext, userId);
  const step = secret ? matchTotpStep(secret.plain, code, now.getTime()) : null;
  if (step === null) return null;
  const { count } = await db.totpCredential.updateMany({
    where: { userId, enabledAt: null, secretCiphertext: row.secretCiphertext },
    data: { enabledAt: now, lastUsedStep: step, enabledIp: from.ip, enabledUserAgent: from.userAgent || null },
  });
  if (count !== 1) return null;
  return replaceRecoveryCodes(userId);
}

/**
 * Checks a code for an enabled factor and claims its time step. A secret
 * still under an older AUTH_SECRET is re-encrypted under the current one.
 */
export async function verifyTotpCode(userId: string, code: string, now = new Date()): Promise<boolean> {
  const row = await db.totpCredential.findUnique({ where: { userId } });
  if (!row?.enabledAt) return false;
  const secret = decryptSecret(row.secretCiphertext, userId);
  if (!secret) {
    log.error({ userId }, "The TOTP secret opens with none of the configured AUTH_SECRET values");
    return false;
  }
  const step = matchTotpStep(secret.plain, code, now.getTime());
  if (step === null || !(await claimTimeStep(userId, step))) return false;
  if (secret.stale) {
    await db.totpCredential.updateMany({
      where: { userId, secretCiphertext: row.secretCiphertext },
      data: { secretCiphertext: encryptSecret(secret.plain, userId) },
    });
  }
  return true;
}

/** Removes the factor and its recovery codes; false when it was not on. */
export async function disableTotp(userId: string): Promise<boolean> {
  const [removed] = await db.$transaction([
    db.totpCredential.deleteMany({ where: { userId, enabledAt: { not: null } } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  return removed.count > 0;
}
