import "server-only";
import { db, type DbClient } from "@/lib/db";

/** Stores a new password hash; `client` is the caller's transaction when the change is part of one. */
export async function storePasswordHash(userId: string, passwordHash: string, client: DbClient = db): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { passwordHash } });
}

/**
 * Replaces `oldHash` with `passwordHash` only while `oldHash` is still the
 * stored one, so it cannot undo a password change that happened meanwhile.
 * Returns whether it did.
 */
export async function replacePasswordHashIfUnchanged(userId: string, oldHash: string, passwordHash: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId, passwordHash: oldHash }, data: { passwordHash } });
  return count > 0;
}
