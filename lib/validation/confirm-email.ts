import { z } from "zod";

/** The /verify-email form: only the mailed token; lib/verification checks it. */
export const confirmEmailSchema = z.object({
  token: z.string({ error: "This link is invalid or has expired." }).max(200),
});
export type ConfirmEmailField = keyof z.input<typeof confirmEmailSchema>;
