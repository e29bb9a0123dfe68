import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
// Passphrases are welcome; the cap only stops abusive multi-megabyte input.
// Length beyond bcrypt's 72 bytes is safe because passwords are pre-hashed
// (see lib/auth/password.ts).
export const PASSWORD_MAX_LENGTH = 1000;

/** A new password being chosen (register, change password). */
export const newPasswordField = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** A password being checked against a stored one: any length we accept. */
export const existingPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`);
