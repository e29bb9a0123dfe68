import { z } from "zod";
import { emailField } from "@/lib/validation/email";
import { existingPasswordField } from "@/lib/validation/password";

export const emailChangeSchema = z.object({
  newEmail: emailField,
  currentPassword: existingPasswordField,
});
export type EmailChangeField = keyof z.input<typeof emailChangeSchema>;
