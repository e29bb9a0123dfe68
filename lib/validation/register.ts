import { z } from "zod";
import { emailField } from "@/lib/validation/email";
import { nameField } from "@/lib/validation/name";
import { newPasswordField } from "@/lib/validation/password";

export const registerSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "Confirm your password." }),
  })
  .refine((form) => form.password === form.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export type RegisterField = keyof z.input<typeof registerSchema>;
