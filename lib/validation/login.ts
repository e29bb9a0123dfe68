import { z } from "zod";
import { emailField } from "@/lib/validation/email";
import { existingPasswordField } from "@/lib/validation/password";

export const loginSchema = z.object({
  email: emailField,
  password: existingPasswordField,
  // An HTML checkbox sends "on" when ticked and nothing otherwise.
  remember: z
    .enum(["on", "true", "false"], { error: "Remember me must be on or off." })
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

export type LoginField = keyof z.input<typeof loginSchema>;
