import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export async function updateUserName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong_current_password" };

export async function changeUserPassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    return { ok: false, reason: "wrong_current_password" };
  }
  const passwordHash = await hashPassword(newPassword, serverEnv.bcryptCost);
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
  return { ok: true };
}
