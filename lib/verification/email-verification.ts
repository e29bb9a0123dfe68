import "server-only";
import { db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { allowMailRequest } from "@/lib/throttle/mail-requests";
import { consumeToken, findToken, voidTokens } from "@/lib/tokens/one-time-token";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { isUniqueConstraintError } from "@/lib/db-errors";
import { revokeAllSessions, revokeOtherSessions } from "@/lib/sessions/registry";
import { completeEmailChange, confirmEmailIfStillCurrent } from "@/lib/users/email-writes";

/**
 * Queues a fresh confirmation link for the user's current address, within
 * the per-address request limit here and the per-account hourly limit when
 * the mail is composed (lib/verification/mails.ts).
 */
export async function sendVerificationMail(user: { id: string; email: string }, ip: string | null): Promise<void> {
  if (!(await allowMailRequest(ip))) return;
  await enqueueMail("email_verification", user.email, { userId: user.id });
}

export type EmailConfirmation =
  | { ok: true; kind: "verified" | "changed"; userId: string }
  | { ok: false; reason: "invalid_link" | "email_taken" };

/**
 * Whether a /verify-email link is still worth a "Confirm email address"
 * button: a read-only lookup, so opening the link (as mail scanners do when
 * they prefetch it) spends nothing. confirmEmail() decides on the POST.
 */
export async function isEmailLinkUsable(rawToken: unknown): Promise<boolean> {
  const [verification, change] = await Promise.all([findToken("email_verification", rawToken), findToken("email_change", rawToken)]);
  const token = verification ?? change;
  if (!token?.userId || !token.data) return false;
  // The button's conditions, not only the token's: a link names the address it was sent to, and
  // is no good once the account's address (or the one it is changing to) is another. A newer
  // change request supersedes a link before the sender has got round to voiding its token.
  const user = await db.user.findUnique({ where: { id: token.userId }, select: { email: true, pendingEmail: true } });
  return verification ? user?.email === token.data : user?.pendingEmail === token.data;
}

/**
 * Uses a mailed /verify-email link (the POST of its page's button): either
 * the confirmation of the address an account has, or of the address it is
 * changing to. `currentSession` is the session of the browser that confirmed,
 * if it belongs to the same user: an email change signs out every other session.
 */
export async function confirmEmail(
  rawToken: unknown,
  currentSession: { id: string; userId: string } | null,
): Promise<EmailConfirmation> {
  const verified = await confirmCurrentAddress(rawToken);
  if (verified) return verified;
  return confirmNewAddress(rawToken, currentSession);
}

async function confirmCurrentAddress(rawToken: unknown): Promise<EmailConfirmation | null> {
  const userId = await db.$transaction(async (tx) => {
    const token = await consumeToken("email_verification", rawToken, tx);
    if (!token?.userId || !token.data) return null;
    // The link names the address it was sent to; after an email change it confirms nothing.
    return (await confirmEmailIfStillCurrent(token.userId, token.data, tx, new Date())) ? token.userId : null;
  });
  if (!userId) return null;
  await recordAuditEvent({ action: "email.verified", actorId: userId });
  return { ok: true, kind: "verified", userId };
}

async function confirmNewAddress(
  rawToken: unknown,
  currentSession: { id: string; userId: string } | null,
): Promise<EmailConfirmation> {
  let change: { userId: string; oldEmail: string; newEmail: string; name: string } | null;
  try {
    change = await db.$transaction(async (tx) => {
      const token = await consumeToken("email_change", rawToken, tx);
      if (!token?.userId || !token.data) return null;
      const user = await tx.user.findUnique({ where: { id: token.userId }, select: { email: true, name: true, pendingEmail: true } });
      // A later request for another address supersedes this link.
      if (!user || user.pendingEmail !== token.data) return null;
      const now = new Date();
      await completeEmailChange(token.userId, token.data, tx, now);
      await voidTokens(token.userId, ["email_verification", "email_change", "email_change_cancel", "password_reset"], tx, now);
      if (currentSession?.userId === token.userId) await revokeOtherSessions(token.userId, currentSession.id, now, tx);
      else await revokeAllSessions(token.userId, now, tx);
      await enqueueMail("email_changed", user.email, { name: user.name, newEmail: token.data }, tx);
      return { userId: token.userId, oldEmail: user.email, newEmail: token.data, name: user.name };
    });
  } catch (error) {
    // Someone registered the new address after the change was asked for.
    if (isUniqueConstraintError(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
  if (!change) return { ok: false, reason: "invalid_link" };
  await recordAuditEvent({ action: "email.changed", actorId: change.userId, detail: `${change.oldEmail} → ${change.newEmail}` });
  return { ok: true, kind: "changed", userId: change.userId };
}
