import "server-only";
import { consumeToken, issueToken } from "@/lib/tokens/one-time-token";
import { issueSignInChallenge, redeemSignInChallenge } from "@/lib/passkeys/sign-in-challenge";

/**
 * Two kinds of WebAuthn challenge, both 5 minutes and used up by the first
 * response that presents them:
 *
 * - Signing in (no user yet) is stateless (lib/passkeys/sign-in-challenge.ts):
 *   /login makes one for the autofill request with every view, and an
 *   anonymous page view must not write to the database. A challenge made on
 *   demand instead would cost the autofill request a round trip before it is
 *   out, and conditional mediation wants it out as the page loads. Single use
 *   is enforced when a response is redeemed.
 * - Registration and re-authentication belong to one signed-in user and are
 *   asked for by a click: they stay one-time tokens (lib/tokens/), 256 random
 *   bits kept as a hash, tied to that user.
 *
 * Either way the challenge string is what SimpleWebAuthn signs (it sends its
 * UTF-8 bytes, base64url-encoded), so the browser's signed clientDataJSON
 * names the challenge to redeem.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type Ceremony = "registration" | "authentication";

const PURPOSES = { registration: "webauthn_registration", authentication: "webauthn_authentication" } as const;

export async function issueChallenge(ceremony: Ceremony, userId: string | null): Promise<string> {
  if (ceremony === "authentication" && userId === null) return issueSignInChallenge(CHALLENGE_TTL_MS);
  return issueToken({ purpose: PURPOSES[ceremony], userId, ttlMs: CHALLENGE_TTL_MS });
}

/**
 * For SimpleWebAuthn's expectedChallenge: true when the challenge is ours,
 * unexpired, unused and (when `userId` is given) that user's; it is used up
 * either way, so it never verifies a second response.
 */
export function challengeConsumer(ceremony: Ceremony, userId: string | null) {
  return async (challenge: string): Promise<boolean> => {
    const raw = Buffer.from(challenge, "base64url").toString("utf8");
    if (ceremony === "authentication" && userId === null) return redeemSignInChallenge(raw);
    const token = await consumeToken(PURPOSES[ceremony], raw);
    return token !== null && token.userId === userId;
  };
}
