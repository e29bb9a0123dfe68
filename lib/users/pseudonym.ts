import { randomBytes } from "node:crypto";

/**
 * What stands for a deleted account in the audit log, where its id and
 * address were: "deleted-user-" and 64 random bits, drawn once per deletion.
 * The same for every event of that account, so its history still reads as
 * one person's, and derived from nothing: no one, not even with the server's
 * secrets or an old backup's user ids, can compute it from the account.
 */
export function newDeletedUserPseudonym(): string {
  return `deleted-user-${randomBytes(8).toString("hex")}`;
}

const ADDRESS_PATTERN = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+/g;

/** Every email address in `text` (as the audit details write them: plain, lower-case). */
export function addressesIn(text: string): string[] {
  return [...text.matchAll(ADDRESS_PATTERN)].map((match) => match[0].toLowerCase().replace(/[.]+$/, ""));
}

/** `text` with each of `addresses` replaced by the pseudonym. */
export function replaceAddresses(text: string, addresses: Iterable<string>, pseudonym: string): string {
  let result = text;
  // Longest first: "old-ada@x.test" before the "ada@x.test" inside it.
  for (const address of [...addresses].sort((a, b) => b.length - a.length)) result = result.split(address).join(pseudonym);
  return result;
}
