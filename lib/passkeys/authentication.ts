import "server-only";
import { INACTIVE_ACCOUNT_MESSAGE } from "@/lib/messages";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { PASSKEYS_UNAVAILABLE_MESSAGE, relyingParty } from "@/lib/passkeys/relying-party";
import { CHALLENGE_TTL_MS, challengeConsumer, issueChallenge } from "@/lib/passkeys/challenges";
import { credentialDescriptors, findPasskeyWithUser, recordPasskeyUse, splitTransports } from "@/lib/passkeys/store";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { Role } from "@/lib/generated/prisma/sqlite/enums";

/**
 * Options for using a passkey. Signing in names no user (the browser offers
 * the discoverable passkeys it has for this site); re-authentication allows
 * only the signed-in user's own. Null when passkeys are off.
 */
export async function passkeyAuthenticationOptions(userId: string | null): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const rp = relyingParty();
  if (!rp) return null;
  return generateAuthenticationOptions({
    rpID: rp.id,
    challenge: await issueChallenge("authentication", userId),
    timeout: CHALLENGE_TTL_MS,
    userVerification: "required",
    allowCredentials: userId ? await credentialDescriptors(userId) : [],
  });
}

export interface PasskeyUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type PasskeyCheck = { ok: true; user: PasskeyUser } | { ok: false; message: string };

const REFUSED = "That passkey did not work. Try again, or sign in with your password.";

/**
 * Verifies a passkey response: a challenge of ours (used up here), the right
 * origin and RP ID, user verification, the stored public key's signature and
 * a counter that moved forward (SimpleWebAuthn refuses one that did not,
 * unless both are zero). A passkey of a deactivated account signs nobody in.
 * `userId` is the user a re-authentication challenge was issued for, or null
 * for signing in.
 */
export async function checkPasskey(response: AuthenticationResponseJSON, userId: string | null): Promise<PasskeyCheck> {
  const rp = relyingParty();
  if (!rp) return { ok: false, message: PASSKEYS_UNAVAILABLE_MESSAGE };
  const passkey = await findPasskeyWithUser(response.id);
  if (!passkey || (userId !== null && passkey.userId !== userId)) {
    await recordAuditEvent({ action: "passkey.failed", targetUserId: userId ?? undefined, detail: "unknown passkey" });
    return { ok: false, message: REFUSED };
  }
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challengeConsumer("authentication", userId),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: splitTransports(passkey.transports),
      },
    });
  } catch (error) {
    await recordAuditEvent({
      action: "passkey.failed",
      targetUserId: passkey.userId,
      detail: `${passkey.name}: ${(error as Error).message}`.slice(0, 200),
    });
    return { ok: false, message: REFUSED };
  }
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const recorded =
    verification.verified &&
    (await recordPasskeyUse(passkey.id, passkey.counter, { counter: newCounter, backedUp: credentialBackedUp, at: new Date() }));
  if (!recorded) {
    await recordAuditEvent({ action: "passkey.failed", targetUserId: passkey.userId, detail: `${passkey.name}: not verified` });
    return { ok: false, message: REFUSED };
  }
  if (!passkey.user.active) {
    await recordAuditEvent({ action: "sign_in.failed", targetUserId: passkey.userId, detail: "passkey: account deactivated" });
    return { ok: false, message: INACTIVE_ACCOUNT_MESSAGE };
  }
  const { id, email, name, role } = passkey.user;
  return { ok: true, user: { id, email, name, role } };
}
