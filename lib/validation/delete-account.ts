import { z } from "zod";
import { normalizeEmail } from "@/lib/validation/email";

/**
 * Deleting an account is confirmed by typing its address: the same schema
 * for the owner's page (/profile/delete) and the admin's (/admin/delete), and
 * for their actions. Compared as addresses are stored (trimmed, lower-case).
 */
export function deleteAccountSchema(accountEmail: string) {
  return z.object({
    confirmEmail: z
      .string({ error: "Type the account's email address to confirm." })
      .trim()
      .min(1, "Type the account's email address to confirm.")
      .max(254, "That is not the account's email address.")
      .transform(normalizeEmail)
      .refine((typed) => typed === accountEmail, "That is not the account's email address: nothing was deleted."),
  });
}
export type DeleteAccountField = keyof z.input<ReturnType<typeof deleteAccountSchema>>;

/** The admin's form names the account too. */
export const deleteUserIdSchema = z.object({ userId: z.string().min(1).max(100) });
