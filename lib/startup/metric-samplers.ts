import "server-only";
import { db } from "@/lib/db";
import { hashingQueueLength } from "@/lib/passwords/password-pool";
import { countUndeliveredMails } from "@/lib/mail/outbox";
import { setSamplers } from "@/lib/server/metrics.mjs";

/** The oldest mail neither sent nor closed, in seconds (0 when none waits). */
async function oldestMailAgeSeconds(): Promise<number> {
  const oldest = await db.outboxMail.findFirst({
    where: { sentAt: null, closedAt: null },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0;
}

/** Sessions neither revoked nor past their absolute end. */
function countOpenSessions(): Promise<number> {
  return db.loginSession.count({ where: { revokedAt: null, expiresAt: { gt: new Date() } } });
}

/**
 * Gives the metrics the figures read at scrape time (lib/server/metrics.mjs):
 * the mail backlog that /api/health does not show, the hashing pool's queue,
 * the open sessions. Three small queries per scrape.
 */
export function registerMetricSamplers(): void {
  setSamplers({
    mailBacklog: countUndeliveredMails,
    oldestMailAgeSeconds,
    hashingQueue: hashingQueueLength,
    openSessions: countOpenSessions,
  });
}
