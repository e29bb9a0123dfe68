import { z } from "zod";

/**
 * The form behind a mailed link's button (/verify-email, /email-change/cancel,
 * /new-sign-in): only the link's token, which the use case checks.
 */
export const mailedTokenSchema = z.object({
  token: z.string({ error: "This link is invalid or has expired." }).max(200),
});
