import { z } from "zod";
import { emailField } from "@/lib/validation/email";

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordField = keyof z.input<typeof forgotPasswordSchema>;
