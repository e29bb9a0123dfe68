import "server-only";
import { db } from "@/lib/db";
import { confirmPassword } from "@/lib/credentials/confirm-password";
import { enqueueMail } from "@/lib/mail/outbox";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { PublicUser } from "@/lib/users/public-user";
import { setPendingEmail } from "@/lib/users/email-writes";
import type { EmailChangeField } from "@/lib/validation/email-change";

export type EmailChangeRequest = { ok: true } | { ok: false; field: EmailChangeField; message: string };

export const EMAIL_IN_USE_MESSAGE = "That email is already in use.";

/**
 * Asks to move the account to `newEmail`. Nothing changes yet: the new
 * address gets a confirmation link, the current one a warning, and the
 * change happens only when the link is opened (lib/verification/email-verification.ts).
 * The password is a guess like any other: throttled and audited.
 */
export async function requestEmailChange(
  user: PublicUser,
  newEmail: string,
  currentPassword: string,
): Promise<EmailChangeRequest> {
  if (newEmail === user.email) return { ok: false, field: "newEmail", message: "That is already your email address." };

  const check = await confirmPassword(user, currentPassword, "email change");
  if (!check.ok) return { ok: false, field: "currentPassword", message: check.message };
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
    return { ok: false, field: "newEmail", message: EMAIL_IN_USE_MESSAGE };
  }

  await db.$transaction(async (tx) => {
    await setPendingEmail(user.id, newEmail, tx);
    await enqueueMail("email_change", newEmail, { userId: user.id }, tx);
    await enqueueMail("email_change_requested", user.email, { userId: user.id, name: user.name, newEmail }, tx);
  });
  await recordAuditEvent({ action: "email_change.requested", actorId: user.id, detail: `to ${newEmail}` });
  return { ok: true };
}

/** The address the user asked to change to and has not confirmed yet, if any. */
export async function pendingEmailOf(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { pendingEmail: true } });
  return user?.pendingEmail ?? null;
}
