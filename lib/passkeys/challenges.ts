import "server-only";
import { consumeToken, issueToken } from "@/lib/tokens/one-time-token";

/**
 * WebAuthn challenges are one-time tokens (lib/tokens/): 256 random bits,
 * kept server-side as a hash, 5 minutes, used up by the first response that
 * presents them. The raw token is the challenge itself (SimpleWebAuthn sends
 * its UTF-8 bytes, base64url-encoded), so the browser's signed clientDataJSON
 * names the token to consume. A registration
 * challenge, and one for re-authentication, belong to one user.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type Ceremony = "registration" | "authentication";

const PURPOSES = { registration: "webauthn_registration", authentication: "webauthn_authentication" } as const;

export async function issueChallenge(ceremony: Ceremony, userId: string | null): Promise<string> {
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
    const token = await consumeToken(PURPOSES[ceremony], raw);
    return token !== null && token.userId === userId;
  };
}
