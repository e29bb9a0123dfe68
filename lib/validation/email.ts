import { z } from "zod";

/** Emails are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// RFC 5321 caps an address at 254 characters. zod's z.email() is the strict
// common subset: no quoted local parts ("a@evil.test"@victim.test), no
// comments, display names, lists or non-ASCII look-alikes such as the
// full-width ＠. Those are where the parsers that deliver mail disagree with
// the ones that check an address, and mail for one address goes to another:
// the class of Auth.js GHSA-7rqj-j65f-68wh and nodemailer GHSA-5jpx-9hw9-2fx4.
export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform(normalizeEmail);

/**
 * True when `address` is exactly what emailField makes of it: the only form
 * an address is stored in, and the only one mail is sent to
 * (lib/mail/sender.ts), so SMTP's envelope recipient is the stored address.
 */
export function isCanonicalEmail(address: string): boolean {
  const parsed = emailField.safeParse(address);
  return parsed.success && parsed.data === address;
}
