import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { consumeToken, findToken, issueToken, voidTokens } from "@/lib/tokens/one-time-token";
import { revokeAllSessions } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";

export interface ReportedSignIn {
  /** The sign-in's device as first recorded; null when it was forgotten since. */
  device: { firstSeenAt: Date; userAgent: string; ip: string | null } | null;
}

/** What a "This wasn't me" link is about, while it is good (for the page; uses nothing up). */
export async function findReportLink(rawToken: unknown): Promise<ReportedSignIn | null> {
  const token = await findToken("new_sign_in_report", rawToken);
  if (!token?.userId) return null;
  const device = token.data
    ? await db.knownDevice.findFirst({
        where: { id: token.data, userId: token.userId },
        select: { firstSeenAt: true, userAgent: true, ip: true },
      })
    : null;
  return { device };
}

export type ReportOutcome = { ok: true; resetToken: string } | { ok: false; reason: "invalid_link" };

/**
 * "This wasn't me" in a new-sign-in mail, the button's POST: in one
 * transaction the link is used up, every session of the account is signed
 * out, the reported device is forgotten (its next sign-in mails again), and
 * a password-reset token replaces any older one. The caller sends the
 * browser straight to the reset form with it: the mailed link already
 * proved the mailbox, as a reset mail would, so a second mail would only
 * give the intruder time.
 */
export async function reportSignInByLink(rawToken: unknown): Promise<ReportOutcome> {
  const reported = await db.$transaction(async (tx) => {
    const token = await consumeToken("new_sign_in_report", rawToken, tx);
    if (!token?.userId) return null;
    const now = new Date();
    const signedOut = await revokeAllSessions(token.userId, now, tx);
    const forgotten = token.data
      ? (await tx.knownDevice.deleteMany({ where: { id: token.data, userId: token.userId } })).count
      : 0;
    await voidTokens(token.userId, ["password_reset"], tx, now);
    const resetToken = await issueToken(
      { purpose: "password_reset", userId: token.userId, ttlMs: serverEnv.recovery.passwordResetMinutes * 60_000 },
      tx,
      now,
    );
    return { userId: token.userId, signedOut, forgotten, resetToken };
  });
  if (!reported) return { ok: false, reason: "invalid_link" };
  await recordAuditEvent({
    action: "sign_in.reported",
    actorId: reported.userId,
    detail:
      `from the new-sign-in mail; ${reported.signedOut} ${reported.signedOut === 1 ? "session" : "sessions"} signed out` +
      (reported.forgotten ? "; the device was forgotten" : ""),
  });
  return { ok: true, resetToken: reported.resetToken };
}
