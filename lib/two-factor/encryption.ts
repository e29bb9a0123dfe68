import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecrets } from "@/lib/security/auth-secrets";

/**
 * Encryption of TOTP secrets at rest: AES-256-GCM, with a key derived from
 * AUTH_SECRET by HKDF-SHA-256 (its own salt and info, so it never equals the
 * session-token key). The ciphertext is bound to the user's id (associated
 * data): a row copied onto another account does not decrypt.
 *
 * Stored as "v1.<iv>.<ciphertext+tag>" (base64url). New values use the first
 * of authSecrets(); reading tries each in turn (a wrong key fails GCM's
 * tag check, it never yields a wrong secret), and says when an older one
 * was needed so the caller can re-encrypt under the current secret.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = "latchkey-totp-secret";
const INFO = "Latchkey TOTP secret encryption key (AES-256-GCM)";

function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
}

function requireSecrets(secrets: string[]): string[] {
  if (secrets.length === 0) throw new Error("AUTH_SECRET is not set: two-factor secrets cannot be encrypted");
  return secrets;
}

export function encryptSecret(plain: string, userId: string, secrets: string[] = authSecrets()): string {
  const [current] = requireSecrets(secrets);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(current as string), iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export interface DecryptedSecret {
  plain: string;
  /** Decrypted with an older secret than the current one: re-encrypt it. */
  stale: boolean;
}

/** The secret, or null when no configured key opens it (tampered, or its AUTH_SECRET is gone). */
export function decryptSecret(stored: string, userId: string, secrets: string[] = authSecrets()): DecryptedSecret | null {
  const [version, ivText, bodyText] = stored.split(".");
  if (version !== VERSION || !ivText || !bodyText) return null;
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) return null;
  const ciphertext = body.subarray(0, body.length - TAG_BYTES);
  const tag = body.subarray(body.length - TAG_BYTES);
  for (const [index, secret] of requireSecrets(secrets).entries()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", deriveKey(secret), iv);
      decipher.setAAD(Buffer.from(userId, "utf8"));
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      return { plain, stale: index > 0 };
    } catch {
      // Not this key: try the next one.
    }
  }
  return null;
}
