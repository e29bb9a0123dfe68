import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/passwords/password";
import { enqueueMail } from "@/lib/mail/outbox";
import { allowMailRequest } from "@/lib/throttle/mail-requests";
import { clearAttempts, throttleKeys } from "@/lib/throttle/limiter";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { consumeToken, findToken } from "@/lib/tokens/one-time-token";
import { recordCancelledEmailChange, storeNewPassword } from "@/lib/recovery/new-password";
import { confirmAddressByReset, describeRemoved } from "@/lib/recovery/unconfirmed-account";
import { requireReviewAfterReset } from "@/lib/account-review/flag";
import { metrics } from "@/lib/server/metrics.mjs";

/**
 * "Forgot your password?": the same work for every well-formed address —
 * count the request against the client address and queue one mail — so
 * neither the answer nor its timing says whether an account exists. Whether
 * there is an account, and whether it may get another link this hour, is
 * decided when the mail is composed (lib/recovery/mails.ts).
 */
export async function requestPasswordReset(email: string, ip: string | null): Promise<void> {
  if (!(await allowMailRequest(ip))) return;
  await enqueueMail("password_reset", email, {});
  // Not an audit event (no account is looked up here), so counted here.
  metrics().resetsRequested.inc();
}

/** Whether the link can still set a password (for the page, before the form is shown). */
export async function isResetLinkUsable(rawToken: unknown): Promise<boolean> {
  const token = await findToken("password_reset", rawToken);
  return Boolean(token?.userId);
}

export type ResetOutcome = { ok: true } | { ok: false; reason: "invalid_link" };

/**
 * Sets the new password if the link is still good. Every session of the user
 * is signed out and the sign-in lock is lifted; the user is not signed in
 * here, so a second factor can never be skipped by way of a reset.
 */
export async function resetPassword(rawToken: unknown, newPassword: string): Promise<ResetOutcome> {
  // The cheap check first: no bcrypt work for a link that is no good.
  if (!(await isResetLinkUsable(rawToken))) return { ok: false, reason: "invalid_link" };
  const passwordHash = await hashPassword(newPassword, serverEnv.bcryptCost);

  const user = await db.$transaction(async (tx) => {
    // Of two submissions racing with one link, only one gets past this.
    const token = await consumeToken("password_reset", rawToken, tx);
    if (!token?.userId) return null;
    const owner = await tx.user.findUnique({ where: { id: token.userId }, select: { id: true, email: true, name: true, active: true } });
    if (!owner?.active) return null;
    const removed = await confirmAddressByReset(owner.id, tx);
    const removedBeforeConfirmation = removed ? describeRemoved(removed) : undefined;
    const outcome = await storeNewPassword(owner, passwordHash, tx, { removedBeforeConfirmation });
    await requireReviewAfterReset(owner.id, tx);
    return { ...owner, ...outcome, removedBeforeConfirmation };
  });
  if (!user) return { ok: false, reason: "invalid_link" };

  await clearAttempts(throttleKeys.account(user.email));
  await recordAuditEvent({ action: "password.reset", actorId: user.id, detail: resetDetail(user) });
  await recordCancelledEmailChange(user.id, user, "a password reset");
  return { ok: true };
}

function resetDetail({ signedOut, removedBeforeConfirmation }: { signedOut: number; removedBeforeConfirmation?: string[] }) {
  const sessions = `${signedOut} ${signedOut === 1 ? "session" : "sessions"} signed out`;
  if (!removedBeforeConfirmation) return sessions;
  const removed = removedBeforeConfirmation.length > 0 ? `; removed what was set up before: ${removedBeforeConfirmation.join(", ")}` : "";
  return `${sessions}; the address had never been confirmed and now is${removed}`;
}
