// The list is about 380 kB of JavaScript: "server-only" makes the build fail
// if a client component ever imports it, instead of silently shipping it.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// zxcvbn-ts's "passwords-common" dictionary (MIT licence): about 49,000 of
// the passwords seen most often in leaked password sets, all lower-case.
let commonPasswords: ReadonlySet<string> | undefined;

function normalize(password: string): string {
  return password.trim().toLowerCase();
}

/**
 * Whether a password is among the ones attackers try first, which NIST
 * SP 800-63B says to refuse. Case and surrounding spaces do not disguise one.
 */
export function isCommonPassword(password: string): boolean {
  // The Set is built once, on first use, not at import.
  commonPasswords ??= new Set(dictionary["passwords-common"].map(normalize));
  return commonPasswords.has(normalize(password));
}
