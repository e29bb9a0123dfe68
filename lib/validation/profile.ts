import { z } from "zod";
import { nameField } from "@/lib/validation/name";
import { existingPasswordField, newPasswordField } from "@/lib/validation/password";

export const updateNameSchema = z.object({ name: nameField });
export type UpdateNameField = keyof z.input<typeof updateNameSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: existingPasswordField,
    newPassword: newPasswordField,
    confirmNewPassword: z.string({ error: "Confirm your new password." }),
  })
  .refine((form) => form.newPassword === form.confirmNewPassword, {
    path: ["confirmNewPassword"],
    message: "The new passwords do not match.",
  })
  .refine((form) => form.newPassword !== form.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordField = keyof z.input<typeof changePasswordSchema>;
