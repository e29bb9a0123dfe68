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
  /** Null when nobody was signed in; a deleted account shows as its pseudonym (lib/users/pseudonym.ts). */
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

/** Shown in place of a deleted account: its pseudonym stands where the address was. */
export const DELETED_ACCOUNT_NAME = "Deleted account";

function personOrPseudonym(person: AuditPerson | null, pseudonym: string | null): AuditPerson | null {
  return person ?? (pseudonym ? { name: DELETED_ACCOUNT_NAME, email: pseudonym } : null);
}

/** Newest first; the id breaks ties between events of the same millisecond. */
export async function listAuditEvents(filter: AuditFilter): Promise<AuditEventView[]> {
  const insensitive = serverEnv.database.provider === "postgresql" ? ({ mode: "insensitive" } as const) : {};
  const emailMatch = filter.email ? { contains: filter.email, ...insensitive } : undefined;
  const rows = await db.auditEvent.findMany({
    where: {
      ...(filter.actions ? { action: { in: filter.actions } } : {}),
      ...(filter.userId ? { OR: [{ actorId: filter.userId }, { targetUserId: filter.userId }] } : {}),
      ...(emailMatch
        ? { AND: [{ OR: [{ actor: { email: emailMatch } }, { target: { email: emailMatch } }, { detail: emailMatch }, { actorPseudonym: emailMatch }, { targetPseudonym: emailMatch }] }] }
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
      actorPseudonym: true,
      targetPseudonym: true,
    },
  });
  return rows.map(({ actorPseudonym, targetPseudonym, ...row }) => ({
    ...row,
    actor: personOrPseudonym(row.actor, actorPseudonym),
    target: personOrPseudonym(row.target, targetPseudonym),
  }));
}
