import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword, needsRehash, verifyAgainstDummyHash, verifyPassword } from "@/lib/passwords/password";
import type { Role } from "@/lib/generated/prisma/sqlite/enums";
import { replacePasswordHashIfUnchanged } from "@/lib/users/password-writes";

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  emailVerified: boolean;
}

export type CredentialCheck =
  | { ok: true; user: AuthenticatedUser }
  // The account, when there is one: for the audit log, never shown to the caller.
  | { ok: false; reason: "invalid" | "inactive"; userId?: string };

/**
 * Checks an email (already normalised) and password. Unknown emails cost a
 * full bcrypt comparison too, so timing does not reveal which accounts exist.
 * "inactive" is only reported after the correct password, so it reveals
 * nothing to someone guessing. A successful check also brings the stored
 * hash up to the configured BCRYPT_COST, the one moment the password is known.
 */
export async function checkCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, active: true, emailVerified: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummyHash(password, serverEnv.bcryptCost);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { ok: false, reason: "invalid", userId: user.id };
  if (!user.active) return { ok: false, reason: "inactive", userId: user.id };
  if (needsRehash(user.passwordHash, serverEnv.bcryptCost)) await rehash(user.id, user.passwordHash, password);
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, emailVerified: user.emailVerified !== null },
  };
}

/**
 * Replaces a hash made at another cost, now that the password is known. The
 * update only applies while the old hash is still stored, so it cannot undo
 * a password change that happened meanwhile.
 */
async function rehash(userId: string, oldHash: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password, serverEnv.bcryptCost);
  await replacePasswordHashIfUnchanged(userId, oldHash, passwordHash);
}
