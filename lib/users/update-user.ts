import "server-only";
import { db } from "@/lib/db";

export async function updateUserName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}
