import "server-only";
import { serverEnv } from "@/lib/env";
import { countMailsSentSince } from "@/lib/mail/outbox";
import type { MailTemplate } from "@/lib/mail/templates";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The per-account cap on mails a stranger can trigger (reset links,
 * confirmation links): PASSWORD_RESET_EMAILS_PER_HOUR sent to one address in
 * an hour. Checked when the mail is composed, not when it is asked for, so
 * the request's answer and timing are the same either way.
 */
export async function mailLimitReached(template: MailTemplate, to: string, now = new Date()): Promise<boolean> {
  const sent = await countMailsSentSince(template, to, new Date(now.getTime() - HOUR_MS));
  return sent >= serverEnv.recovery.passwordResetEmailsPerHour;
}

export function appLink(path: string, token: string): string {
  const url = new URL(path, serverEnv.appOrigin);
  url.searchParams.set("token", token);
  return url.toString();
}
