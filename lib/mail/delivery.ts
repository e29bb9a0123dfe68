import "server-only";
import { db } from "@/lib/db";
import { nextAttemptAt } from "@/lib/mail/retry-schedule";

/**
 * How long a sender may hold a mail it claimed. A sender that dies holding
 * one (killed mid-delivery) releases it by letting this pass; then another
 * process, or the same one restarted, takes it over.
 */
export const CLAIM_MS = 60_000;

// Sent and closed mails are kept a week, for support questions ("did the
// reset mail go out?"), then removed.
const KEEP_FINISHED_MS = 7 * 24 * 60 * 60 * 1000;

export interface ClaimedMail {
  id: string;
  template: string;
  to: string;
  params: string;
  createdAt: Date;
  /** Including this one. */
  attempts: number;
}

function claimableWhere(now: Date) {
  return {
    sentAt: null,
    closedAt: null,
    nextAttemptAt: { lte: now },
    OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
  };
}

export async function findDueMailIds(now: Date, limit: number): Promise<string[]> {
  const rows = await db.outboxMail.findMany({
    where: claimableWhere(now),
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * Takes one mail for this sender. The conditional update is the claim: when
 * several processes on one database see the same due mail, exactly one
 * update matches, so each mail is sent once.
 */
export async function claimMail(id: string, now: Date): Promise<ClaimedMail | null> {
  const { count } = await db.outboxMail.updateMany({
    where: { id, ...claimableWhere(now) },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (count !== 1) return null;
  return db.outboxMail.findUnique({
    where: { id },
    select: { id: true, template: true, to: true, params: true, createdAt: true, attempts: true },
  });
}

export async function markSent(id: string, now: Date): Promise<void> {
  await db.outboxMail.update({ where: { id }, data: { sentAt: now, claimedUntil: null, outcome: null } });
}

/** For a mail that must leave no trace once delivered (removedOnceSent in lib/startup/mail-catalog.ts). */
export async function removeMail(id: string): Promise<void> {
  await db.outboxMail.deleteMany({ where: { id } });
}

/** There was nothing to send (e.g. a reset asked for an address with no account). */
export async function markNothingToSend(id: string, now: Date): Promise<void> {
  await db.outboxMail.update({ where: { id }, data: { closedAt: now, claimedUntil: null, outcome: "nothing to send" } });
}

/** Schedules the next attempt, or gives up after a day. Returns when the next attempt is, if any. */
export async function markFailed(mail: ClaimedMail, reason: string, now: Date): Promise<Date | null> {
  const next = nextAttemptAt(mail.createdAt, mail.attempts, now);
  const outcome = reason.slice(0, 500);
  await db.outboxMail.update({
    where: { id: mail.id },
    data: next
      ? { nextAttemptAt: next, claimedUntil: null, outcome }
      : { closedAt: now, claimedUntil: null, outcome: `gave up: ${outcome}` },
  });
  return next;
}

export async function pruneFinishedMails(now: Date): Promise<number> {
  const before = new Date(now.getTime() - KEEP_FINISHED_MS);
  const { count } = await db.outboxMail.deleteMany({
    where: { OR: [{ sentAt: { lt: before } }, { closedAt: { lt: before } }] },
  });
  return count;
}
