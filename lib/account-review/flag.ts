import "server-only";
import { db, type DbClient } from "@/lib/db";

/**
 * Marks the account for review: its next sign-in, by any method, lands on
 * /profile/review. Called inside the reset's transaction, so a reset never
 * completes without it.
 */
export async function requireReviewAfterReset(userId: string, client: DbClient, now = new Date()): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { reviewRequiredAt: now } });
}

export async function isReviewRequired(where: { id: string } | { email: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where, select: { reviewRequiredAt: true } });
  return Boolean(user?.reviewRequiredAt);
}

/** "Everything is mine": later sign-ins go straight to where they were going. */
export async function clearReviewRequired(userId: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, reviewRequiredAt: { not: null } },
    data: { reviewRequiredAt: null },
  });
  return count > 0;
}
