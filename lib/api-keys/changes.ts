import "server-only";
import { createApiKey, revokeApiKey, type ApiKeySummary } from "@/lib/api-keys/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { enqueueMail } from "@/lib/mail/outbox";
import { changeNoticeParams } from "@/lib/mail/change-notice";

interface Owner {
  id: string;
  email: string;
  name: string;
}

function describeKey(key: ApiKeySummary): string {
  return `${key.name} (${key.prefix}…)`;
}

/** Creates a key for the owner; recorded, and the owner is mailed. The full key is returned only here. */
export async function createOwnApiKey(owner: Owner, name: string): Promise<{ key: string; summary: ApiKeySummary }> {
  const created = await createApiKey(owner.id, name);
  await recordAuditEvent({ action: "api_key.created", actorId: owner.id, detail: describeKey(created.summary) });
  await enqueueMail("api_key_created", owner.email, await changeNoticeParams(owner.name, describeKey(created.summary)));
  return created;
}

/** Revokes one of the owner's keys; recorded and mailed. Null when it was not theirs or already revoked. */
export async function revokeOwnApiKey(owner: Owner, id: string): Promise<ApiKeySummary | null> {
  const revoked = await revokeApiKey(owner.id, id);
  if (!revoked) return null;
  await recordAuditEvent({ action: "api_key.revoked", actorId: owner.id, detail: describeKey(revoked) });
  await enqueueMail("api_key_revoked", owner.email, await changeNoticeParams(owner.name, describeKey(revoked)));
  return revoked;
}
