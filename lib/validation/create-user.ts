import { z } from "zod";
import { emailField } from "@/lib/validation/email";
import { nameField } from "@/lib/validation/name";
import { newPasswordField } from "@/lib/validation/password";

/** The arguments of `npm run user:create` (scripts/create-user.ts): the same field rules as registration. */
export const createUserArgsSchema = z.object({ email: emailField, password: newPasswordField, name: nameField, admin: z.boolean() });
