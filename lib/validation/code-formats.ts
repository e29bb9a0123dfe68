/**
 * What a person may type for a second factor's code, made comparable: the
 * forms' schemas (lib/validation/two-factor.ts) and the two-factor domain
 * (lib/two-factor/) share these, so the format lives below both. A recovery
 * code is four groups of four characters from an alphabet without 0/o and
 * 1/l/i, so a code copied by hand reads back unambiguously.
 */
export const RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_GROUPS = 4;
export const RECOVERY_CODE_GROUP_LENGTH = 4;

/** What a person may type for a code: any case, with or without the dashes and spaces. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, "");
  if (compact.length !== RECOVERY_CODE_GROUPS * RECOVERY_CODE_GROUP_LENGTH) return null;
  for (const character of compact) if (!RECOVERY_CODE_ALPHABET.includes(character)) return null;
  return compact;
}

/** Digits only: authenticator apps show "123 456", people paste it so. */
export function normalizeTotpCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}
