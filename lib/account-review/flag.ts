import "server-only";
import { db, type DbClient } from "@/lib/db";
import { clearReviewRequiredMark, setReviewRequired } from "@/lib/users/account-state-writes";

/**
 * Marks the account for review: its next sign-in, by any method, lands on
 * /profile/review. Called inside the reset's transaction, so a reset never
 * completes without it.
 */
export async function requireReviewAfterReset(userId: string, client: DbClient, now = new Date()): Promise<void> {
  await setReviewRequired(userId, client, now);
}

export async function isReviewRequired(where: { id: string } | { email: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where, select: { reviewRequiredAt: true } });
  return Boolean(user?.reviewRequiredAt);
}

/** "Everything is mine": later sign-ins go straight to where they were going. */
export async function clearReviewRequired(userId: string): Promise<boolean> {
  return clearReviewRequiredMark(userId);
}
