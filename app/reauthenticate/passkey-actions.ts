"use server";

import { actionWithArguments } from "@/lib/actions/server-action";
import { passkeyOptionsArguments, passkeyReauthArguments } from "@/lib/validation/passkey-arguments";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { CurrentSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { confirmSession } from "@/lib/auth/confirm-session";
import { checkPasskey, passkeyAuthenticationOptions } from "@/lib/passkeys/authentication";
import { setFlash } from "@/lib/flash/set-flash";
import { parseWebAuthnResponse } from "@/lib/validation/passkey";
import { PASSKEYS_UNAVAILABLE_MESSAGE } from "@/lib/passkeys/relying-party";
import type { PasskeyOptionsResult, PasskeyOutcome } from "@/components/passkeys/passkey-outcome";

const SIGNED_IN = { access: "signed-in", page: "/reauthenticate" } as const;

export const passkeyReauthOptionsAction = actionWithArguments(
  passkeyOptionsArguments,
  SIGNED_IN,
  async (session): Promise<PasskeyOptionsResult<PublicKeyCredentialRequestOptionsJSON>> => {
    const options = await passkeyAuthenticationOptions(session.user.id);
    return options ? { ok: true, options } : { ok: false, message: PASSKEYS_UNAVAILABLE_MESSAGE };
  },
);

export const passkeyReauthAction = actionWithArguments(passkeyReauthArguments, SIGNED_IN, reauthenticateWithPasskey);
/** A passkey of the signed-in user's own makes the session fresh, as password and code would. */
async function reauthenticateWithPasskey(session: CurrentSession, responseJson: string, next: string | undefined): Promise<PasskeyOutcome> {
  const response = parseWebAuthnResponse<AuthenticationResponseJSON>(responseJson);
  if (!response) return { ok: false, message: "The passkey answer could not be read. Please try again." };
  const check = await checkPasskey(response, session.user.id);
  if (!check.ok) return check;
  await confirmSession(session, "passkey");
  await setFlash("success", "Identity confirmed.");
  return { ok: true, redirectTo: safeNextPath(next) ?? "/dashboard" };
}
