import { z } from "zod";

/** The "This wasn't me" form: only the mailed token, checked by lib/verification/email-change-cancel.ts. */
export const cancelEmailChangeSchema = z.object({
  token: z.string({ error: "This link is invalid or has expired." }).max(200),
});
export type CancelEmailChangeField = keyof z.input<typeof cancelEmailChangeSchema>;
