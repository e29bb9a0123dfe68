import "server-only";
import type { DbClient } from "@/lib/db";
import { voidTokens } from "@/lib/tokens/one-time-token";
import { confirmEmailIfUnconfirmed } from "@/lib/users/email-writes";

/** What a reset removed from an account whose address had never been confirmed. */
export interface RemovedBeforeConfirmation {
  authenticatorApp: boolean;
  recoveryCodes: number;
  passkeys: number;
  apiKeys: number;
  connectedProviders: number;
}

/**
 * A reset of an account whose address was never confirmed is the first proof
 * that the address belongs to whoever holds the account now. Anything on the
 * account until then may have been put there by someone who registered the
 * address before its owner did, so, inside the reset's transaction: the
 * address is confirmed, and every factor, passkey, API key and connected
 * provider goes (sessions and a pending email change end with any reset, in
 * lib/recovery/new-password.ts). Null when the address was already confirmed.
 */
export async function confirmAddressByReset(
  userId: string,
  tx: DbClient,
  now = new Date(),
): Promise<RemovedBeforeConfirmation | null> {
  if (!(await confirmEmailIfUnconfirmed(userId, tx, now))) return null;
  const authenticatorApp = await tx.totpCredential.deleteMany({ where: { userId, enabledAt: { not: null } } });
  // A setup begun but never confirmed was never a factor: removed without a word.
  await tx.totpCredential.deleteMany({ where: { userId } });
  const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId } });
  const passkeys = await tx.passkey.deleteMany({ where: { userId } });
  const apiKeys = await tx.apiKey.deleteMany({ where: { userId } });
  const providers = await tx.account.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  // Half-finished sign-ins and passkey set-ups, and confirmation links no longer needed.
  await voidTokens(userId, ["two_factor_login", "two_factor_reauth", "webauthn_registration", "email_verification"], tx, now);
  return {
    authenticatorApp: authenticatorApp.count > 0,
    recoveryCodes: recoveryCodes.count,
    passkeys: passkeys.count,
    apiKeys: apiKeys.count,
    connectedProviders: providers.count,
  };
}

function counted(count: number, one: string, many: string): string[] {
  return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
}

/** The removed items in words, for the audit detail and the owner's mail. */
export function describeRemoved(removed: RemovedBeforeConfirmation): string[] {
  return [
    ...(removed.authenticatorApp ? ["the authenticator app"] : []),
    ...counted(removed.recoveryCodes, "recovery code", "recovery codes"),
    ...counted(removed.passkeys, "passkey", "passkeys"),
    ...counted(removed.apiKeys, "API key", "API keys"),
    ...counted(removed.connectedProviders, "connected sign-in provider", "connected sign-in providers"),
  ];
}
