import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { bcryptWork } from "@/lib/passwords/password-pool";

/**
 * bcrypt reads only the first 72 bytes of its input, so two long passphrases
 * that share a 72-byte prefix would match each other. Every password is
 * therefore reduced to a fixed 44-character digest (base64 of SHA-256, never
 * containing the NUL byte bcrypt also stops at) before bcrypt sees it. The
 * stored value is an ordinary `$2b$` bcrypt hash of that digest.
 */
function prehash(password: string): string {
  return createHash("sha256").update(password, "utf8").digest("base64");
}

// Both run in a worker thread (lib/passwords/password-pool.ts): a bcrypt
// comparison at cost 12 is a quarter of a second of CPU.
export async function hashPassword(password: string, cost: number): Promise<string> {
  return bcryptWork.hash(prehash(password), cost);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcryptWork.compare(prehash(password), hash);
}

export function hashCost(hash: string): number {
  return bcrypt.getRounds(hash);
}

/**
 * Whether a stored hash should be redone at the configured cost: raising
 * BCRYPT_COST then strengthens existing accounts as their owners sign in
 * (and lowering it speeds them up again). Only call it with a hash that just
 * verified, since the password is needed to redo it.
 */
export function needsRehash(hash: string, cost: number): boolean {
  return hashCost(hash) !== cost;
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends the same time as checking a real password, for sign-ins with an
 * unknown email, so response time does not reveal which emails have accounts.
 */
export async function verifyAgainstDummyHash(password: string, cost: number): Promise<false> {
  let dummy = dummyHashes.get(cost);
  if (!dummy) {
    dummy = hashPassword("latchkey-dummy-password-never-matches", cost);
    dummyHashes.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}
