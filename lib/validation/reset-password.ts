import { z } from "zod";
import { newPasswordField } from "@/lib/validation/password";

/** The same password policy as registration; the token is checked by lib/recovery. */
export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "This link is invalid or has expired." }).max(200),
    newPassword: newPasswordField,
    confirmNewPassword: z.string({ error: "Confirm your new password." }),
  })
  .refine((form) => form.newPassword === form.confirmNewPassword, {
    path: ["confirmNewPassword"],
    message: "The passwords do not match.",
  });
export type ResetPasswordField = keyof z.input<typeof resetPasswordSchema>;
