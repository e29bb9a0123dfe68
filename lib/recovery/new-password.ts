import "server-only";
import { db, type DbClient } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { enqueueMail } from "@/lib/mail/outbox";
import { revokeAllSessions, revokeOtherSessions } from "@/lib/sessions/registry";
import { voidTokens } from "@/lib/tokens/one-time-token";

export interface PasswordOwner {
  id: string;
  email: string;
  name: string;
}

/**
 * What every password change does, inside the caller's transaction: store
 * the new hash, void any reset links still out, sign out every session but
 * `keepSessionId` (all of them after a reset), and tell the owner by mail.
 * Returns how many sessions were signed out.
 */
export async function storeNewPassword(
  user: PasswordOwner,
  passwordHash: string,
  tx: DbClient,
  keepSessionId?: string,
): Promise<number> {
  const now = new Date();
  await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
  await voidTokens(user.id, ["password_reset"], tx, now);
  await enqueueMail("password_changed", user.email, { name: user.name }, tx);
  return keepSessionId
    ? revokeOtherSessions(user.id, keepSessionId, now, tx)
    : revokeAllSessions(user.id, now, tx);
}

/** A signed-in user's own change (the caller checked the current password): other sessions end. */
export async function changePassword(user: PasswordOwner, newPassword: string, currentSessionId: string): Promise<number> {
  const passwordHash = await hashPassword(newPassword, serverEnv.bcryptCost);
  return db.$transaction((tx) => storeNewPassword(user, passwordHash, tx, currentSessionId));
}
