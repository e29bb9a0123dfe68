import "server-only";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { PASSKEYS_UNAVAILABLE_MESSAGE, relyingParty } from "@/lib/passkeys/relying-party";
import { CHALLENGE_TTL_MS, challengeConsumer, issueChallenge } from "@/lib/passkeys/challenges";
import { credentialDescriptors, savePasskey } from "@/lib/passkeys/store";
import { log } from "@/lib/log/logger";

interface Owner {
  id: string;
  email: string;
  name: string;
}

/**
 * Options for creating a passkey: discoverable (so it can sign in without an
 * email typed) and user-verified (a PIN or biometric: the passkey is then two
 * factors on its own). The user's existing passkeys are excluded, so one
 * authenticator is not registered twice. Null when passkeys are off.
 */
export async function passkeyRegistrationOptions(user: Owner): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  const rp = relyingParty();
  if (!rp) return null;
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    // The user handle the authenticator keeps: the account id, never the email.
    userID: new TextEncoder().encode(user.id),
    challenge: await issueChallenge("registration", user.id),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: await credentialDescriptors(user.id),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

export type PasskeyRegistration = { ok: true } | { ok: false; message: string };

export async function registerPasskey(user: Owner, name: string, response: RegistrationResponseJSON): Promise<PasskeyRegistration> {
  const rp = relyingParty();
  if (!rp) return { ok: false, message: PASSKEYS_UNAVAILABLE_MESSAGE };
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challengeConsumer("registration", user.id),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    log.warn({ userId: user.id, reason: (error as Error).message }, "Passkey registration refused");
    return { ok: false, message: "The passkey could not be added. Please try again." };
  }
  if (!verification.verified) return { ok: false, message: "The passkey could not be added. Please try again." };
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  try {
    await savePasskey({
      id: credential.id,
      userId: user.id,
      name,
      publicKey: new Uint8Array(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    });
  } catch {
    // The credential id is the primary key: this authenticator's passkey is already registered.
    return { ok: false, message: "This passkey is already registered." };
  }
  return { ok: true };
}
