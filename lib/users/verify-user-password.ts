import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";

export async function verifyUserPassword(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) return false;
  return verifyPassword(password, user.passwordHash);
}
