import "server-only";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { registerPasskey, type PasskeyRegistration } from "@/lib/passkeys/registration";
import { removePasskey } from "@/lib/passkeys/store";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { enqueueMail } from "@/lib/mail/outbox";
import { changeNoticeParams } from "@/lib/mail/change-notice";

interface Owner {
  id: string;
  email: string;
  name: string;
}

/** Adds a passkey from the authenticator's answer; recorded, and the owner is mailed. */
export async function addPasskey(owner: Owner, name: string, response: RegistrationResponseJSON): Promise<PasskeyRegistration> {
  const result = await registerPasskey(owner, name, response);
  if (!result.ok) return result;
  await recordAuditEvent({ action: "passkey.added", actorId: owner.id, detail: name });
  await enqueueMail("passkey_added", owner.email, await changeNoticeParams(owner.name, name));
  return result;
}

/** Removes one of the owner's passkeys; recorded and mailed. Null when it was not theirs or already gone. */
export async function removeOwnPasskey(owner: Owner, id: string): Promise<{ name: string } | null> {
  const removed = await removePasskey(owner.id, id);
  if (!removed) return null;
  await recordAuditEvent({ action: "passkey.removed", actorId: owner.id, detail: removed.name });
  await enqueueMail("passkey_removed", owner.email, await changeNoticeParams(owner.name, removed.name));
  return removed;
}
