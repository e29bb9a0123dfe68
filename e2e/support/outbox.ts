import { expect } from "@playwright/test";
import { sql } from "./database";

/**
 * Waits until the outbox has dealt with every mail queued for `to`: sent,
 * or closed with nothing to send. Only then does "no mail arrived" mean
 * that none was sent, not that none was sent yet.
 */
export async function waitForOutboxToSettle(to: string, expectedMails: number): Promise<string[]> {
  let outcomes: string[] = [];
  await expect
    .poll(
      async () => {
        const rows = await sql<{ sentAt: unknown; closedAt: unknown; outcome: string | null }>(
          `SELECT "sentAt", "closedAt", "outcome" FROM "OutboxMail" WHERE "to" = $1`,
          [to],
        );
        outcomes = rows.map((row) => (row.sentAt ? "sent" : row.closedAt ? (row.outcome ?? "closed") : "pending"));
        return rows.length === expectedMails && !outcomes.includes("pending");
      },
      { message: `the outbox settles ${expectedMails} mail(s) to ${to}`, timeout: 20_000 },
    )
    .toBe(true);
  return outcomes;
}

/** Lets every link mailed to the user expire, as if its lifetime had passed. */
export async function expireTokensOf(userId: string): Promise<void> {
  await sql(`UPDATE "OneTimeToken" SET "expiresAt" = "createdAt" WHERE "userId" = $1`, [userId]);
}
