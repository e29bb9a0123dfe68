import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { MailParams, MailTemplate } from "@/lib/mail/templates";

/**
 * Records a mail for the sender (lib/mail/sender.ts) to deliver. Pass the
 * transaction of the change that causes the mail, so that both happen or
 * neither does. Nothing is rendered here: the response that queued the mail
 * never waits on templates, tokens or a mail server.
 */
export async function enqueueMail<T extends MailTemplate>(
  template: T,
  to: string,
  params: MailParams[T],
  client: DbClient = db,
): Promise<void> {
  await client.outboxMail.create({ data: { template, to, params: JSON.stringify(params) } });
}

/** Mails neither delivered nor closed: the backlog (not public: /api/health does not show it). */
export async function countUndeliveredMails(): Promise<number> {
  return db.outboxMail.count({ where: { sentAt: null, closedAt: null } });
}

/** How many mails of this kind went to this address since `since`: the per-account mail limits. */
export async function countMailsSentSince(template: MailTemplate, to: string, since: Date): Promise<number> {
  return db.outboxMail.count({ where: { template, to, sentAt: { gte: since } } });
}
