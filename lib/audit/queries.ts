import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { AuditAction } from "@/lib/audit/actions";

export interface AuditPerson {
  name: string;
  email: string;
}

export interface AuditEventView {
  id: string;
  createdAt: Date;
  action: string;
  /** Null once that user is deleted, or when nobody was signed in. */
  actor: AuditPerson | null;
  target: AuditPerson | null;
  ip: string | null;
  userAgent: string | null;
  detail: string | null;
}

export interface AuditFilter {
  actions?: AuditAction[];
  /** Part of the actor's or the target's email. */
  email?: string;
  /** Events where this user is the actor or the target. */
  userId?: string;
  limit: number;
}

const person = { select: { name: true, email: true } } as const;

/** Newest first; the id breaks ties between events of the same millisecond. */
export async function listAuditEvents(filter: AuditFilter): Promise<AuditEventView[]> {
  const insensitive = serverEnv.database.provider === "postgresql" ? ({ mode: "insensitive" } as const) : {};
  const emailMatch = filter.email ? { contains: filter.email, ...insensitive } : undefined;
  return db.auditEvent.findMany({
    where: {
      ...(filter.actions ? { action: { in: filter.actions } } : {}),
      ...(filter.userId ? { OR: [{ actorId: filter.userId }, { targetUserId: filter.userId }] } : {}),
      ...(emailMatch
        ? { AND: [{ OR: [{ actor: { email: emailMatch } }, { target: { email: emailMatch } }, { detail: emailMatch }] }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit,
    select: {
      id: true,
      createdAt: true,
      action: true,
      actor: person,
      target: person,
      ip: true,
      userAgent: true,
      detail: true,
    },
  });
}
