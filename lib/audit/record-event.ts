import "server-only";
import { db } from "@/lib/db";
import { currentRequestInfo } from "@/lib/auth/request-info";
import type { AuditAction } from "@/lib/audit/actions";

export interface AuditEventInput {
  action: AuditAction;
  actorId?: string;
  targetUserId?: string;
  /** Short and human-readable; never a password or a key. */
  detail?: string;
}

/** Records who did what to whom; when, and from which IP and client, come from the current request. */
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
}
