"use server";

import { actionWithArguments } from "@/lib/actions/server-action";
import { passkeyOptionsArguments, passkeySignInArguments } from "@/lib/validation/passkey-arguments";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { passkeyAuthenticationOptions, checkPasskey } from "@/lib/passkeys/authentication";
import { startSession } from "@/lib/auth/start-session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signInLanding } from "@/lib/account-review/landing";
import { parseWebAuthnResponse } from "@/lib/validation/passkey";
import { PASSKEYS_UNAVAILABLE_MESSAGE } from "@/lib/passkeys/relying-party";
import type { PasskeyOptionsResult, PasskeyOutcome } from "@/components/passkeys/passkey-outcome";

const SIGN_IN = { access: "anyone", page: "/login" } as const;

export const passkeySignInOptionsAction = actionWithArguments(
  passkeyOptionsArguments,
  SIGN_IN,
  async (): Promise<PasskeyOptionsResult<PublicKeyCredentialRequestOptionsJSON>> => {
    const options = await passkeyAuthenticationOptions(null);
    return options ? { ok: true, options } : { ok: false, message: PASSKEYS_UNAVAILABLE_MESSAGE };
  },
);

export const passkeySignInAction = actionWithArguments(passkeySignInArguments, SIGN_IN, signInWithPasskey);
/**
 * Signs in with a passkey: user-verified, so it is two factors on its own and
 * asks for no code. The session is fresh, with "Remember me" as ticked.
 */
async function signInWithPasskey(_session: null, responseJson: string, next: string | undefined, remember: boolean): Promise<PasskeyOutcome> {
  const response = parseWebAuthnResponse<AuthenticationResponseJSON>(responseJson);
  if (!response) return { ok: false, message: "The passkey answer could not be read. Please try again." };
  const check = await checkPasskey(response, null);
  if (!check.ok) return check;
  await startSession(check.user, { method: "passkey", remember });
  return { ok: true, redirectTo: await signInLanding(check.user, safeNextPath(next)) };
}
