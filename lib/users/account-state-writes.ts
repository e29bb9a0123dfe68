import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/sqlite/enums";

/** The columns an admin switches: whether the account may sign in, and its role. */
export interface UserState {
  active?: boolean;
  role?: Role;
}

/**
 * Switches the account from the state `from` to `to` in one statement: the
 * condition is checked with the write, so two admins acting at once cannot
 * both succeed. Returns whether this call made the change.
 */
export async function switchUserState(userId: string, from: Readonly<UserState>, to: Readonly<UserState>): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId, ...from }, data: to });
  return count > 0;
}

/** The account's last sign-in time (the dashboard's "Last sign-in", /admin, /api/me). */
export async function recordLastSignIn(userId: string, at: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: at } });
}

/** Marks the account for review (lib/account-review/flag.ts), in the caller's transaction. */
export async function setReviewRequired(userId: string, client: DbClient, at = new Date()): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { reviewRequiredAt: at } });
}

/** Clears the review mark; returns whether there was one. */
export async function clearReviewRequiredMark(userId: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, reviewRequiredAt: { not: null } },
    data: { reviewRequiredAt: null },
  });
  return count > 0;
}
