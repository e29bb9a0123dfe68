import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";

export async function updateUserName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** Sets a new password; the caller has checked the current one (throttled, see app/profile/actions.ts). */
export async function setUserPassword(userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword, serverEnv.bcryptCost);
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
}
