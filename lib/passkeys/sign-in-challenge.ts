import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecrets } from "@/lib/security/auth-secrets";
import { spendNonce } from "@/lib/tokens/one-time-token";

/**
 * The passkey sign-in challenge is stateless: "s1.<expiry>.<nonce>.<mac>",
 * an HMAC-SHA-256 over the rest with a key derived from AUTH_SECRET (HKDF,
 * info of its own). Issuing one writes nothing, so /login can carry one for
 * the autofill request in every anonymous view without a database row.
 * Single use is enforced where it matters, at redemption: the nonce is
 * recorded with a unique insert into OneTimeToken (tokenHash is unique), so
 * a replayed response, or two racing with one challenge, fail. The record
 * lasts until the challenge's expiry (after which the expiry alone refuses
 * it) and pruneTokens() removes it a day later.
 */
const VERSION = "s1";
const SALT = "latchkey-webauthn-sign-in";
const INFO = "Latchkey passkey sign-in challenge MAC key (HMAC-SHA-256)";
const NONCE_BYTES = 16;

function macOf(body: string, secret: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
  return createHmac("sha256", key).update(body, "utf8").digest();
}

function requireSecrets(secrets: string[]): string[] {
  if (secrets.length === 0) throw new Error("AUTH_SECRET is not set: passkey sign-in challenges cannot be signed");
  return secrets;
}

export function issueSignInChallenge(ttlMs: number, now = new Date(), secrets: string[] = authSecrets()): string {
  const [current] = requireSecrets(secrets);
  const body = `${VERSION}.${(now.getTime() + ttlMs).toString(36)}.${randomBytes(NONCE_BYTES).toString("base64url")}`;
  return `${body}.${macOf(body, current as string).toString("base64url")}`;
}

/** The challenge's nonce and expiry when it is ours (any configured secret) and unexpired; null otherwise. */
function readSignInChallenge(challenge: string, now: Date, secrets: string[]): { nonce: string; expiresAt: Date } | null {
  const [version, expiry, nonce, mac, ...rest] = challenge.split(".");
  if (version !== VERSION || !expiry || !nonce || !mac || rest.length > 0) return null;
  const given = Buffer.from(mac, "base64url");
  const body = `${version}.${expiry}.${nonce}`;
  const genuine = requireSecrets(secrets).some((secret) => {
    const expected = macOf(body, secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  const expiresAt = new Date(parseInt(expiry, 36));
  if (!genuine || !(expiresAt.getTime() > now.getTime())) return null;
  return { nonce, expiresAt };
}

/**
 * True once per genuine, unexpired challenge: the first redemption records
 * its nonce as used; every later one (a replay) finds it recorded.
 */
export async function redeemSignInChallenge(challenge: string, now = new Date(), secrets: string[] = authSecrets()): Promise<boolean> {
  const read = readSignInChallenge(challenge, now, secrets);
  if (!read) return false;
  return spendNonce("webauthn_sign_in_nonce", read.nonce, read.expiresAt, now);
}
