import { z } from "zod";

/** The "This wasn't me" form of a new-sign-in mail: only the mailed token, checked by lib/sign-in-alerts/report.ts. */
export const reportSignInSchema = z.object({
  token: z.string({ error: "This link is invalid or has expired." }).max(200),
});
export type ReportSignInField = keyof z.input<typeof reportSignInSchema>;
