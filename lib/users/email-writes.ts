import "server-only";
import { db, type DbClient } from "@/lib/db";

/**
 * The account's address columns: `email`, the `pendingEmail` it asked to
 * move to, and `emailVerified`, when the address was confirmed. The flows
 * that decide when to write them are lib/verification and lib/recovery.
 */

/** Records the address an account asked to move to (until its link is opened); `client` may be a transaction. */
export async function setPendingEmail(userId: string, pendingEmail: string, client: DbClient = db): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { pendingEmail } });
}

/** Forgets a pending email change, inside the caller's transaction. */
export async function clearPendingEmail(userId: string, client: DbClient): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { pendingEmail: null } });
}

/**
 * Confirms the account's address, but only while it is still `email`: a link
 * names the address it was sent to, and after an email change it confirms
 * nothing. Returns whether the address was confirmed.
 */
export async function confirmEmailIfStillCurrent(userId: string, email: string, client: DbClient, at = new Date()): Promise<boolean> {
  const { count } = await client.user.updateMany({ where: { id: userId, email }, data: { emailVerified: at } });
  return count === 1;
}

/** Confirms the account's address if it never was; returns whether it did (false: already confirmed, or no account). */
export async function confirmEmailIfUnconfirmed(userId: string, client: DbClient, at = new Date()): Promise<boolean> {
  const { count } = await client.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: at } });
  return count === 1;
}

/**
 * Moves the account to `newEmail`, confirmed at `at`, with nothing pending.
 * Throws the unique-constraint error when another account has the address
 * by now (the caller says so).
 */
export async function completeEmailChange(userId: string, newEmail: string, client: DbClient, at: Date): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { email: newEmail, pendingEmail: null, emailVerified: at } });
}
