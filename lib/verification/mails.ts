import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { MailContent } from "@/lib/mail/layout";
import { appLink, mailLimitReached } from "@/lib/mail/limits";
import { issueToken, voidTokens } from "@/lib/tokens/one-time-token";

declare module "@/lib/mail/templates" {
  interface MailParams {
    email_verification: { userId: string };
    email_change: { userId: string };
    email_change_requested: { userId: string; name: string; newEmail: string };
    email_changed: { name: string; newEmail: string };
  }
}

function linkLifetime(): { ttlMs: number; words: string } {
  const hours = serverEnv.recovery.emailVerificationHours;
  return { ttlMs: hours * 60 * 60 * 1000, words: hours === 1 ? "1 hour" : `${hours} hours` };
}

/**
 * The confirmation link for the address the user has now, if it still needs
 * one. The token names the address it confirms, so a link sent before an
 * email change cannot confirm the new address.
 */
export async function composeEmailVerificationMail(to: string, { userId }: { userId: string }): Promise<MailContent | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, emailVerified: true } });
  if (!user || user.email !== to || user.emailVerified) return null;
  if (await mailLimitReached("email_verification", to)) return null;

  const lifetime = linkLifetime();
  const token = await db.$transaction(async (tx) => {
    await voidTokens(userId, ["email_verification"], tx);
    return issueToken({ purpose: "email_verification", userId, ttlMs: lifetime.ttlMs, data: to }, tx);
  });
  return {
    subject: "Confirm your email address",
    greeting: `Hello ${user.name},`,
    paragraphs: [`Please confirm that ${to} is your address, so that ${serverEnv.appName} can reach you if you lose your password.`],
    action: { label: "Confirm your email address", url: appLink("/verify-email", token) },
    footnote: `The link works for ${lifetime.words}. If you did not create an account, ignore this mail.`,
  };
}

/**
 * The link that completes an email change, sent to the new address while it
 * is still the pending one, at most PASSWORD_RESET_EMAILS_PER_HOUR an hour.
 */
export async function composeEmailChangeMail(to: string, { userId }: { userId: string }): Promise<MailContent | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, pendingEmail: true, active: true } });
  if (!user?.active || user.pendingEmail !== to) return null;
  // Capped like reset and confirmation links: whoever knows the password must not mail an address at will.
  if (await mailLimitReached("email_change", to)) return null;

  const lifetime = linkLifetime();
  const token = await db.$transaction(async (tx) => {
    await voidTokens(userId, ["email_change"], tx);
    return issueToken({ purpose: "email_change", userId, ttlMs: lifetime.ttlMs, data: to }, tx);
  });
  return {
    subject: "Confirm your new email address",
    greeting: `Hello ${user.name},`,
    paragraphs: [`You asked to use ${to} for your ${serverEnv.appName} account. Nothing changes until you confirm it.`],
    action: { label: "Confirm your new email address", url: appLink("/verify-email", token) },
    footnote: `The link works for ${lifetime.words}. If you did not ask for this, ignore this mail.`,
  };
}

/**
 * The warning to the old address, with "This wasn't me" (a link to
 * /email-change/cancel) while the change it is about is still pending.
 */
export async function composeEmailChangeRequestedMail(
  _to: string,
  { userId, name, newEmail }: { userId: string; name: string; newEmail: string },
): Promise<MailContent | null> {
  // Mails queued before this one carried a link had no userId.
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { pendingEmail: true } }) : null;
  // Confirmed, cancelled or replaced before this mail went out: nothing left to warn about.
  if (user?.pendingEmail !== newEmail) return null;

  const lifetime = linkLifetime();
  const token = await issueToken({ purpose: "email_change_cancel", userId, ttlMs: lifetime.ttlMs, data: newEmail });
  return {
    subject: "Your email address is being changed",
    greeting: `Hello ${name},`,
    paragraphs: [
      `Someone signed in to your ${serverEnv.appName} account asked to change its email address to ${newEmail}. ` +
        "It changes only when the link sent to that address is opened.",
      "If this was not you, choose “This wasn't me”: it cancels the change, signs everyone out of your account, " +
        "and takes you to set a new password.",
    ],
    action: { label: "This wasn't me", url: appLink("/email-change/cancel", token) },
    footnote: `The link works for ${lifetime.words}. If you asked for the change yourself, ignore this mail.`,
  };
}

export function emailChangedMail(_to: string, { name, newEmail }: { name: string; newEmail: string }): MailContent {
  return {
    subject: "Your email address was changed",
    greeting: `Hello ${name},`,
    paragraphs: [
      `The email address of your ${serverEnv.appName} account is now ${newEmail}; this address is no longer used for it.`,
      "If this was not you, contact your administrator.",
    ],
  };
}
