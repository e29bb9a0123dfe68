import { randomBytes } from "node:crypto";

const KEY_PREFIX = "lk_";
export const VISIBLE_PREFIX_LENGTH = KEY_PREFIX.length + 8;
// lk_ + 8 characters of prefix + _ + 43 characters of secret.
export const API_KEY_MAX_LENGTH = 128;

/**
 * A new API key: "lk_" and 8 random characters that stay visible in lists,
 * then 256 random bits that never leave the response that created them.
 */
export function generateApiKey(): { key: string; prefix: string } {
  const prefix = `${KEY_PREFIX}${randomBytes(6).toString("base64url")}`;
  return { key: `${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

/** Cheap shape check before any database lookup. */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length > VISIBLE_PREFIX_LENGTH && value.length <= API_KEY_MAX_LENGTH;
}
