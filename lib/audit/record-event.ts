import "server-only";
import { db, type DbClient } from "@/lib/db";
import { currentRequestInfo, type RequestInfo } from "@/lib/request/info";
import { describeAuditAction, type AuditAction } from "@/lib/audit/actions";
import { auditLogFields } from "@/lib/audit/log-fields";
import { log } from "@/lib/log/logger";
import { countAuditEvent } from "@/lib/audit/counters";

export interface AuditEventInput {
  action: AuditAction;
  actorId?: string;
  targetUserId?: string;
  /** Short and human-readable; never a password or a key. */
  detail?: string;
  /** Stands for a deleted account (lib/users/pseudonym.ts), where its id cannot. */
  actorPseudonym?: string;
  targetPseudonym?: string;
}

export interface AuditRecordOptions {
  /** The transaction of the change the event records. */
  client?: DbClient;
  /** Where it came from, outside a request (the operators' scripts); else the current request's. */
  request?: Pick<RequestInfo, "ip" | "userAgent">;
}

/**
 * Records who did what to whom; when, and from which IP and client, come from
 * the current request. Each event is also a log line (with the request's id):
 * its event, user, method, outcome and address, not its detail, which can
 * name addresses and stays in the database. And it moves its counters
 * (lib/audit/counters.ts).
 */
export async function recordAuditEvent(event: AuditEventInput, options: AuditRecordOptions = {}): Promise<void> {
  const { ip, userAgent } = options.request ?? (await currentRequestInfo());
  await (options.client ?? db).auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId,
      targetUserId: event.targetUserId,
      actorPseudonym: event.actorPseudonym,
      targetPseudonym: event.targetPseudonym,
      detail: event.detail,
      ip,
      userAgent: userAgent || null,
    },
  });
  const fields = auditLogFields(event);
  countAuditEvent(fields);
  log[fields.outcome === "locked" ? "warn" : "info"]({ ...fields, ip }, describeAuditAction(event.action));
}
