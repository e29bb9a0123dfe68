import { createHash, randomInt } from "node:crypto";
import {
  RECOVERY_CODE_ALPHABET as ALPHABET,
  RECOVERY_CODE_GROUP_LENGTH as GROUP_LENGTH,
  RECOVERY_CODE_GROUPS as GROUPS,
} from "@/lib/validation/code-formats";

/**
 * Recovery codes: 10 per set, each 16 characters of a 31-character alphabet
 * (about 79 random bits) shown as four groups, "k7mq-2xrd-…". The alphabet
 * leaves out 0/o and 1/l/i so a code copied by hand reads back unambiguously.
 * With that many bits a plain SHA-256 is enough to store them: nobody can
 * enumerate the space.
 */
export const RECOVERY_CODE_COUNT = 10;

function randomGroup(): string {
  let group = "";
  for (let index = 0; index < GROUP_LENGTH; index += 1) group += ALPHABET[randomInt(ALPHABET.length)];
  return group;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => Array.from({ length: GROUPS }, randomGroup).join("-"));
}

/** The stored form: SHA-256 of the normalised code, bound to its user so equal codes never collide across users. */
export function hashRecoveryCode(userId: string, normalizedCode: string): string {
  return createHash("sha256").update(`${userId}:${normalizedCode}`, "utf8").digest("base64url");
}
