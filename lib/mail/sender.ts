import "server-only";
import { log } from "@/lib/log/logger";
import { composeMail } from "@/lib/mail/compose";
import type { MailCatalog, MailTemplate } from "@/lib/mail/templates";
import {
  claimMail,
  type ClaimedMail,
  findDueMailIds,
  markFailed,
  markNothingToSend,
  markSent,
  pruneFinishedMails,
  removeMail,
} from "@/lib/mail/delivery";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { isCanonicalEmail } from "@/lib/validation/email";
import { metrics } from "@/lib/server/metrics.mjs";

export interface MailSender {
  start(): void;
  /** Stops polling and waits for the mail being sent, if any, to finish. */
  stop(): Promise<void>;
  /** One pass over the due mails; returns how many were sent. */
  deliverDueMails(): Promise<number>;
}

export interface MailSenderOptions {
  /** How often the outbox is looked at; mails go out within about this long. */
  pollMs?: number;
  /** Mails taken per pass. */
  batchSize?: number;
}

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function removedOnceSent(catalog: MailCatalog, template: string): boolean {
  return catalog.removedOnceSent.includes(template as MailTemplate);
}

/** A delivery that failed: tried again later, or given up after a day. */
async function recordFailure(mail: ClaimedMail, error: unknown, catalog: MailCatalog): Promise<void> {
  const next = await markFailed(mail, describeError(error), new Date());
  const facts = { mailId: mail.id, template: mail.template, attempt: mail.attempts, reason: describeError(error) };
  if (next) {
    metrics().mailsFailed.inc({ template: mail.template });
    log.warn({ ...facts, retryAt: next.toISOString() }, "Mail was not delivered; trying again later");
    return;
  }
  metrics().mailsGivenUp.inc({ template: mail.template });
  log.error(facts, "Mail was not delivered; giving up after a day of attempts");
  if (removedOnceSent(catalog, mail.template)) await removeMail(mail.id);
}

/** Claims one due mail and sends it; false when another process took it or there was nothing to send. */
async function deliverOne(id: string, transport: MailTransport, catalog: MailCatalog): Promise<boolean> {
  const mail = await claimMail(id, new Date());
  if (!mail) return false; // another process took it
  if (!isCanonicalEmail(mail.to)) {
    // Never handed to nodemailer: its address parser could read a recipient out of it that is not the stored one.
    log.error({ mailId: mail.id, template: mail.template }, "Mail was not sent: its recipient is not a plain, normalised address");
    await markNothingToSend(mail.id, new Date());
    return false;
  }
  try {
    const rendered = await composeMail(catalog, mail);
    if (!rendered) {
      await markNothingToSend(mail.id, new Date());
      return false;
    }
    await transport.send({ to: mail.to, ...rendered });
  } catch (error) {
    await recordFailure(mail, error, catalog);
    return false;
  }
  if (removedOnceSent(catalog, mail.template)) await removeMail(mail.id);
  else await markSent(mail.id, new Date());
  metrics().mailsSent.inc({ template: mail.template });
  return true;
}

/** Sends the outbox's due mails through `transport`, composed by the `catalog`'s templates. */
export function createMailSender(transport: MailTransport, catalog: MailCatalog, options: MailSenderOptions = {}): MailSender {
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  // Set by stop(): a pass in progress finishes the mail it is sending, then ends.
  let stopRequested = false;
  let currentPass: Promise<number> | undefined;
  let lastPrunedAt = 0;

  async function pass(): Promise<number> {
    const now = new Date();
    if (now.getTime() - lastPrunedAt >= PRUNE_INTERVAL_MS) {
      lastPrunedAt = now.getTime();
      await pruneFinishedMails(now);
    }
    let sent = 0;
    for (const id of await findDueMailIds(now, batchSize)) {
      if (stopRequested) break;
      if (await deliverOne(id, transport, catalog)) sent += 1;
    }
    return sent;
  }

  function deliverDueMails(): Promise<number> {
    // One pass at a time per process; a caller arriving mid-pass shares it.
    currentPass ??= pass().finally(() => {
      currentPass = undefined;
    });
    return currentPass;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(async () => {
      timer = undefined;
      try {
        await deliverDueMails();
      } catch (error) {
        // The database may be briefly unreachable; the next pass tries again.
        log.error({ reason: describeError(error) }, "The mail outbox could not be read");
      }
      schedule();
    }, pollMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      stopRequested = false;
      schedule();
    },
    async stop() {
      stopped = true;
      stopRequested = true;
      clearTimeout(timer);
      timer = undefined;
      await currentPass?.catch(() => undefined);
    },
    deliverDueMails,
  };
}

// One sender per server process, kept on globalThis so a development hot
// reload does not start a second one.
const processSender = globalThis as unknown as { latchkeyMailSender?: MailSender };

export function startMailSender(catalog: MailCatalog): MailTransport["kind"] {
  const transport = createMailTransport();
  processSender.latchkeyMailSender ??= createMailSender(transport, catalog);
  processSender.latchkeyMailSender.start();
  return transport.kind;
}

export async function stopMailSender(): Promise<void> {
  await processSender.latchkeyMailSender?.stop();
}
