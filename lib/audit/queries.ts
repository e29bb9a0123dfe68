import "server-only";
import { db } from "@/lib/db";

export interface AuditPerson {
  name: string;
  email: string;
}

export interface AuditEventView {
  id: string;
  createdAt: Date;
  action: string;
  /** Null once that user is deleted. */
  actor: AuditPerson | null;
  target: AuditPerson | null;
}

const person = { select: { name: true, email: true } } as const;

/** Newest first; the id breaks ties between events of the same millisecond. */
export async function listRecentAuditEvents({ limit }: { limit: number }): Promise<AuditEventView[]> {
  return db.auditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, action: true, actor: person, target: person },
  });
}
