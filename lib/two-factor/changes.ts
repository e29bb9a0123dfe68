import "server-only";
import { confirmTotpSetup, disableTotp } from "@/lib/two-factor/totp-factor";
import { currentRequestInfo } from "@/lib/request/info";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-store";
import { twoFactorDisabledNotice, twoFactorEnabledNotice } from "@/lib/two-factor/notices";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { enqueueMail } from "@/lib/mail/outbox";
import { changeNoticeParams } from "@/lib/mail/change-notice";

interface Owner {
  id: string;
  email: string;
  name: string;
}

/** A new set of recovery codes (the old ones stop working); recorded, and the owner is mailed. */
export async function regenerateRecoveryCodes(owner: Owner): Promise<string[]> {
  const codes = await replaceRecoveryCodes(owner.id);
  await recordAuditEvent({ action: "recovery_codes.generated", actorId: owner.id });
  await enqueueMail("recovery_codes_generated", owner.email, await changeNoticeParams(owner.name, "recovery codes"));
  return codes;
}

/**
 * The owner turns the authenticator app off (after a code on the two-factor
 * page, or from the review after a reset, where the mailbox and the new
 * password are the proof); recorded and mailed. False when it was not on.
 */
export async function turnOffAuthenticatorByOwner(owner: Owner): Promise<boolean> {
  if (!(await disableTotp(owner.id))) return false;
  await recordAuditEvent({ action: "two_factor.disabled", actorId: owner.id });
  await twoFactorDisabledNotice(owner, false);
  return true;
}

/**
 * Turns the authenticator app on once a code proves it was set up, keeping
 * where that happened from; recorded and mailed. The recovery codes to show
 * once, or null for a wrong code.
 */
export async function turnOnAuthenticator(owner: Owner, code: string): Promise<string[] | null> {
  const codes = await confirmTotpSetup(owner.id, code, await currentRequestInfo());
  if (!codes) return null;
  await recordAuditEvent({ action: "two_factor.enabled", actorId: owner.id });
  await twoFactorEnabledNotice(owner);
  return codes;
}
