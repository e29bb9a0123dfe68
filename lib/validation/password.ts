import { z } from "zod";
import { isCommonPassword } from "@/lib/validation/common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";

/**
 * A new password being chosen (register, change password, user:create).
 * Following NIST SP 800-63B: a minimum length and a list of common passwords,
 * no composition rules.
 */
export const newPasswordField = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => !isCommonPassword(password), {
    error: "This password is too common. Choose another.",
    // A password of the wrong length already has its one clear message.
    when: (payload) => payload.issues.length === 0,
  });

/** A password being checked against a stored one: any length we accept. */
export const existingPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`);
