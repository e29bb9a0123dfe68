import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import type { MailContent } from "@/lib/mail/layout";
import { appLink } from "@/lib/mail/limits";
import { issueToken } from "@/lib/tokens/one-time-token";
import { REPORT_LINK_DAYS } from "@/lib/sign-in-alerts/messages";
import { describeSignInMethod } from "@/lib/sessions/sign-in-method";

declare module "@/lib/mail/templates" {
  interface MailParams {
    new_sign_in: NewSignInParams;
  }
}

/** What a new-sign-in mail is queued with (lib/sign-in-alerts/device.ts). */
export interface NewSignInParams {
  userId: string;
  name: string;
  /** The KnownDevice row the sign-in recorded: "This wasn't me" forgets it. */
  knownDeviceId: string;
  /** ISO time of the sign-in. */
  at: string;
  /** describeDevice() of its user agent, e.g. "Firefox on Windows". */
  device: string;
  ip: string | null;
  /** The SignInMethod of its session. */
  method: string;
}


/**
 * "New sign-in to your account", composed when it is sent: the "This
 * wasn't me" token is issued then (single use, REPORT_LINK_DAYS, only its
 * hash stored), so the outbox never holds it. An account deleted meanwhile
 * gets nothing.
 */
export async function composeNewSignInMail(_to: string, params: NewSignInParams): Promise<MailContent | null> {
  const user = await db.user.findUnique({ where: { id: params.userId }, select: { id: true } });
  if (!user) return null;
  const token = await issueToken({
    purpose: "new_sign_in_report",
    userId: params.userId,
    ttlMs: REPORT_LINK_DAYS * 24 * 60 * 60 * 1000,
    data: params.knownDeviceId,
  });
  return {
    subject: "New sign-in to your account",
    greeting: `Hello ${params.name},`,
    paragraphs: [`Your ${serverEnv.appName} account was signed in to from a browser that has not signed in to it before.`],
    list: [
      `When: ${formatDateTime(new Date(params.at))}`,
      `Browser: ${params.device}`,
      `Address: ${params.ip ?? "unknown IP address"}`,
      `With: ${describeSignInMethod(params.method)}`,
    ],
    action: { label: "This wasn't me", url: appLink("/new-sign-in", token) },
    footnote:
      "If this was you, there is nothing to do. If not, choose “This wasn't me”: it signs everyone out of your " +
      `account and takes you straight to setting a new password. The link works once, for ${REPORT_LINK_DAYS} days.`,
  };
}
