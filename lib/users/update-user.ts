import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { verifyUserPassword } from "@/lib/users/verify-user-password";

export async function updateUserName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong_current_password" };

export async function changeUserPassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  if (!(await verifyUserPassword(userId, currentPassword))) return { ok: false, reason: "wrong_current_password" };
  const passwordHash = await hashPassword(newPassword, serverEnv.bcryptCost);
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
  return { ok: true };
}
