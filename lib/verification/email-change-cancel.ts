import "server-only";
import { db, type DbClient } from "@/lib/db";
import { consumeToken, findToken, voidTokens } from "@/lib/tokens/one-time-token";
import { revokeAllSessions } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { clearPendingEmail } from "@/lib/users/email-writes";

/** The mailed links of a pending email change: the one that completes it, and "This wasn't me". */
export const EMAIL_CHANGE_LINKS = ["email_change", "email_change_cancel"] as const;

/**
 * Cancels the user's pending email change, if any, inside the caller's
 * transaction: both of its links stop working. Returns the address that was
 * pending, or null when there was none. The links are voided first, so a
 * confirmation racing with this either completed before (and nothing is
 * pending any more) or finds its link used.
 */
export async function cancelPendingEmailChange(userId: string, tx: DbClient, now = new Date()): Promise<string | null> {
  await voidTokens(userId, [...EMAIL_CHANGE_LINKS], tx, now);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { pendingEmail: true } });
  if (!user?.pendingEmail) return null;
  await clearPendingEmail(userId, tx);
  return user.pendingEmail;
}

/** The address a "This wasn't me" link would stop the account moving to, while the link is good. */
export async function findCancelLink(rawToken: unknown): Promise<{ newEmail: string } | null> {
  const token = await findToken("email_change_cancel", rawToken);
  return token?.userId && token.data ? { newEmail: token.data } : null;
}

export type CancelOutcome = { ok: true } | { ok: false; reason: "invalid_link" };

/**
 * "This wasn't me": the owner of the old address stops the change, and every
 * session of the account is signed out, since whoever asked for the change
 * was signed in. The owner is then sent to reset the password.
 */
export async function cancelEmailChangeByLink(rawToken: unknown): Promise<CancelOutcome> {
  const cancelled = await db.$transaction(async (tx) => {
    const token = await consumeToken("email_change_cancel", rawToken, tx);
    if (!token?.userId) return null;
    const now = new Date();
    const pending = await cancelPendingEmailChange(token.userId, tx, now);
    const signedOut = await revokeAllSessions(token.userId, now, tx);
    return { userId: token.userId, pending, signedOut };
  });
  if (!cancelled) return { ok: false, reason: "invalid_link" };
  await recordAuditEvent({
    action: "email_change.cancelled",
    actorId: cancelled.userId,
    detail:
      `${cancelled.pending ? `to ${cancelled.pending}` : "nothing pending"}, from the link mailed to the old address; ` +
      `${cancelled.signedOut} ${cancelled.signedOut === 1 ? "session" : "sessions"} signed out`,
  });
  return { ok: true };
}
