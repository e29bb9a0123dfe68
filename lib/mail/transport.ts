import "server-only";
import nodemailer from "nodemailer";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import type { RenderedMail } from "@/lib/mail/layout";
import { keepInDevOutbox } from "@/lib/mail/dev-outbox";

export interface OutgoingMail extends RenderedMail {
  to: string;
}

export interface MailTransport {
  /** "smtp" when mail really goes out; "log" when SMTP_URL is not set. */
  kind: "smtp" | "log";
  send(mail: OutgoingMail): Promise<void>;
}

// A mail server that accepts the connection and then says nothing must not
// hold the sender forever; the outbox retries instead.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { from, ...SMTP_TIMEOUTS });
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}

/**
 * Without SMTP_URL mail is shown instead of sent: in development written to
 * the log in full and kept for /dev/outbox, so a reset link can be clicked
 * with no mail server at all. In production only the fact is logged: mail
 * holds links that sign people in, and logs travel further than mailboxes.
 */
function logTransport(isProduction: boolean): MailTransport {
  return {
    kind: "log",
    async send(mail) {
      if (isProduction) {
        log.warn({ subject: mail.subject }, "Mail was not sent (SMTP_URL is not set)");
        return;
      }
      keepInDevOutbox(mail);
      log.info(`Mail to ${mail.to}: ${mail.subject} (not sent: SMTP_URL is not set; see /dev/outbox)\n${mail.text}`);
    },
  };
}

export function createMailTransport(): MailTransport {
  const { smtpUrl, from } = serverEnv.mail;
  return smtpUrl ? smtpTransport(smtpUrl, from) : logTransport(serverEnv.isProduction);
}
