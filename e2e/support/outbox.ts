import { expect } from "@playwright/test";
import { sql } from "./database";
import { MAIL_TIMEOUT_MS } from "./mailbox";

/**
 * Waits until the outbox has dealt with every mail queued for `to`: sent,
 * or closed with nothing to send. Only then does "no mail arrived" mean
 * that none was sent, not that none was sent yet.
 */
export async function waitForOutboxToSettle(to: string, expectedMails: number, timeout = MAIL_TIMEOUT_MS): Promise<string[]> {
  let outcomes: string[] = [];
  let rows: Record<string, unknown>[] = [];
  try {
    await expect
      .poll(
        async () => {
          rows = await sql(`SELECT * FROM "OutboxMail" WHERE "to" = $1`, [to]);
          outcomes = rows.map((row) => (row.sentAt ? "sent" : row.closedAt ? String(row.outcome ?? "closed") : "pending"));
          return rows.length === expectedMails && !outcomes.includes("pending");
        },
        { message: `the outbox settles ${expectedMails} mail(s) to ${to}`, timeout },
      )
      .toBe(true);
  } catch (error) {
    // What the rows hold (claim, next attempt, last outcome) says why a mail is still pending.
    throw new Error(`${(error as Error).message}\nOutbox rows to ${to} at ${new Date().toISOString()}: ${JSON.stringify(rows, null, 1)}`);
  }
  return outcomes;
}

/**
 * How many times each mail queued for `to` was claimed by a sender. A claim
 * comes before every delivery and none is possible once the mail is marked
 * sent (lib/mail/delivery.ts), so a settled mail with one claim went out once
 * and never will again: proof of "exactly once" without waiting to see
 * whether a second delivery turns up.
 */
export async function claimsOf(to: string): Promise<number[]> {
  const rows = await sql<{ attempts: number | string }>(`SELECT "attempts" FROM "OutboxMail" WHERE "to" = $1`, [to]);
  return rows.map((row) => Number(row.attempts));
}

/** Lets every link mailed to the user expire, as if its lifetime had passed. */
export async function expireTokensOf(userId: string): Promise<void> {
  await sql(`UPDATE "OneTimeToken" SET "expiresAt" = "createdAt" WHERE "userId" = $1`, [userId]);
}
