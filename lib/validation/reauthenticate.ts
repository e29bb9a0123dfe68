import { z } from "zod";
import { existingPasswordField } from "@/lib/validation/password";

export const reauthenticateSchema = z.object({ password: existingPasswordField });
export type ReauthenticateField = keyof z.input<typeof reauthenticateSchema>;
