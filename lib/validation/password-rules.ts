// Only plain limits live here: client components import this file for their
// hints, so it must never pull in the common-password list.
export const PASSWORD_MIN_LENGTH = 8;
// Passphrases are welcome; the cap only stops abusive multi-megabyte input.
// Length beyond bcrypt's 72 bytes is safe because passwords are pre-hashed
// (see lib/passwords/password.ts).
export const PASSWORD_MAX_LENGTH = 1000;
