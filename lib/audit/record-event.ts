import "server-only";
import { db } from "@/lib/db";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { describeAuditAction, type AuditAction } from "@/lib/audit/actions";
import { auditLogFields } from "@/lib/audit/log-fields";
import { log } from "@/lib/log/logger";
import { countAuditEvent } from "@/lib/metrics/audit-counters";

export interface AuditEventInput {
  action: AuditAction;
  actorId?: string;
  targetUserId?: string;
  /** Short and human-readable; never a password or a key. */
  detail?: string;
}

/**
 * Records who did what to whom; when, and from which IP and client, come from
 * the current request. Each event is also a log line (with the request's id):
 * its event, user, method, outcome and address, not its detail, which can
 * name addresses and stays in the database. And it moves its counters
 * (lib/metrics/audit-counters.ts).
 */
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  const { ip, userAgent } = await currentRequestInfo();
  await db.auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId,
      targetUserId: event.targetUserId,
      detail: event.detail,
      ip,
      userAgent: userAgent || null,
    },
  });
  const fields = auditLogFields(event);
  countAuditEvent(fields);
  log[fields.outcome === "locked" ? "warn" : "info"]({ ...fields, ip }, describeAuditAction(event.action));
}
