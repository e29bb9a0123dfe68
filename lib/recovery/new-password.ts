import "server-only";
import { db, type DbClient } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/passwords/password";
import { enqueueMail } from "@/lib/mail/outbox";
import { revokeAllSessions, revokeOtherSessions } from "@/lib/sessions/registry";
import { voidTokens } from "@/lib/tokens/one-time-token";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { cancelPendingEmailChange } from "@/lib/verification/email-change-cancel";
import { storePasswordHash } from "@/lib/users/password-writes";

export interface PasswordOwner {
  id: string;
  email: string;
  name: string;
}

export interface NewPasswordOptions {
  /** The session to keep (a signed-in user's own change); after a reset every session ends. */
  keepSessionId?: string;
  /** What a reset removed from an account whose address it confirmed, for the owner's mail. */
  removedBeforeConfirmation?: string[];
}

export interface NewPasswordOutcome {
  signedOut: number;
  /** The address a pending email change was going to, now cancelled; null when none was pending. */
  cancelledEmailChange: string | null;
}

/**
 * What every password change does, inside the caller's transaction: store
 * the new hash, void any reset links still out, cancel a pending email
 * change and void its links (whoever asked for it may be who the new
 * password locks out), sign out every session but `keepSessionId`, and tell
 * the owner by mail.
 */
export async function storeNewPassword(
  user: PasswordOwner,
  passwordHash: string,
  tx: DbClient,
  options: NewPasswordOptions = {},
): Promise<NewPasswordOutcome> {
  const now = new Date();
  await storePasswordHash(user.id, passwordHash, tx);
  await voidTokens(user.id, ["password_reset"], tx, now);
  const cancelledEmailChange = await cancelPendingEmailChange(user.id, tx, now);
  const { removedBeforeConfirmation } = options;
  await enqueueMail("password_changed", user.email, { name: user.name, ...(removedBeforeConfirmation && { removedBeforeConfirmation }) }, tx);
  const signedOut = options.keepSessionId
    ? await revokeOtherSessions(user.id, options.keepSessionId, now, tx)
    : await revokeAllSessions(user.id, now, tx);
  return { signedOut, cancelledEmailChange };
}

/** The audit event of an email change that a new password cancelled. */
export async function recordCancelledEmailChange(userId: string, outcome: NewPasswordOutcome, by: string): Promise<void> {
  if (!outcome.cancelledEmailChange) return;
  await recordAuditEvent({ action: "email_change.cancelled", actorId: userId, detail: `to ${outcome.cancelledEmailChange}, by ${by}` });
}

/**
 * A signed-in user's own change (the caller checked the current password):
 * whoever else knew the old password is signed out everywhere else.
 * Returns how many other sessions ended.
 */
export async function changePassword(user: PasswordOwner, newPassword: string, currentSessionId: string): Promise<number> {
  const passwordHash = await hashPassword(newPassword, serverEnv.bcryptCost);
  const outcome = await db.$transaction((tx) => storeNewPassword(user, passwordHash, tx, { keepSessionId: currentSessionId }));
  await recordCancelledEmailChange(user.id, outcome, "a password change");
  const revoked = outcome.signedOut;
  await recordAuditEvent({ action: "password.changed", actorId: user.id, detail: `${revoked} other ${revoked === 1 ? "session" : "sessions"} signed out` });
  return revoked;
}
