import "server-only";
import { db } from "@/lib/db";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";

export async function findUserById(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: publicUserSelect });
}

/** Accounts made through a provider have none until the owner sets one by a mailed link. */
export async function hasPassword(id: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
