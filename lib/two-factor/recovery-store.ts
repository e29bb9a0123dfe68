import "server-only";
import { db } from "@/lib/db";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/two-factor/recovery-codes";
import { normalizeRecoveryCode } from "@/lib/validation/code-formats";

/** A new set of codes for the user; every earlier code stops working in the same transaction. */
export async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({
      data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, normalizeRecoveryCode(code) ?? code) })),
    }),
  ]);
  return codes;
}

/**
 * Uses up one code: the conditional update is the check, so two requests
 * racing with one code cannot both pass. Returns how many codes are left,
 * or null when the code is not an unused one of this user's.
 */
export async function consumeRecoveryCode(userId: string, input: string, now = new Date()): Promise<number | null> {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return null;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(userId, normalized), usedAt: null },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return countRecoveryCodesLeft(userId);
}

export async function countRecoveryCodesLeft(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
