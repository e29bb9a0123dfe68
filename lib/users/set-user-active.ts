import "server-only";
import { db } from "@/lib/db";

/** Returns false when no user has that (normalised) email. */
export async function setUserActiveByEmail(email: string, active: boolean): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { email }, data: { active } });
  return count > 0;
}
