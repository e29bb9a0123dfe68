import "server-only";
import { db } from "@/lib/db";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";

export async function findUserById(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: publicUserSelect });
}
