import { z } from "zod";
import { normalizeRecoveryCode, normalizeTotpCode } from "@/lib/validation/code-formats";

export const INVALID_CODE_MESSAGE = "That code is not valid.";
export const INVALID_RECOVERY_CODE_MESSAGE = "That recovery code is not valid.";

/** A field that is empty or too long already has its one clear message. */
function onlyIfNoIssueYet(payload: { issues: unknown[] }): boolean {
  return payload.issues.length === 0;
}

/** Six digits from the authenticator app; spaces and dashes as apps show them are fine. */
const authenticationCodeField = z
  .string({ error: "Enter the code from your authenticator app." })
  .trim()
  .min(1, "Enter the code from your authenticator app.")
  .max(20, INVALID_CODE_MESSAGE)
  .refine((code) => /^\d{6}$/.test(normalizeTotpCode(code)), { error: INVALID_CODE_MESSAGE, when: onlyIfNoIssueYet });

const recoveryCodeField = z
  .string({ error: "Enter one of your recovery codes." })
  .trim()
  .min(1, "Enter one of your recovery codes.")
  .max(40, INVALID_RECOVERY_CODE_MESSAGE)
  .refine((code) => normalizeRecoveryCode(code) !== null, { error: INVALID_RECOVERY_CODE_MESSAGE, when: onlyIfNoIssueYet });

/** Turning the app on (setup) and the code step of sign-in and re-authentication. */
export const authenticationCodeSchema = z.object({ code: authenticationCodeField });
export type AuthenticationCodeField = keyof z.input<typeof authenticationCodeSchema>;

/** The second step of sign-in: a code, or a recovery code, whichever the form switched to. */
export const secondFactorSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code: authenticationCodeField }),
  z.object({ method: z.literal("recovery"), recoveryCode: recoveryCodeField }),
], { error: "Choose an authentication code or a recovery code." });
export type SecondFactorField = "code" | "recoveryCode" | "method";
export type SecondFactorInput = z.output<typeof secondFactorSchema>;

/** A current code from the app or one recovery code, in one field: turning two-factor off, re-authentication. */
export const appOrRecoveryCodeSchema = z.object({
  code: z
    .string({ error: "Enter a code from your authenticator app or a recovery code." })
    .trim()
    .min(1, "Enter a code from your authenticator app or a recovery code.")
    .max(40, INVALID_CODE_MESSAGE)
    .refine((code) => /^\d{6}$/.test(normalizeTotpCode(code)) || normalizeRecoveryCode(code) !== null, {
      error: INVALID_CODE_MESSAGE,
      when: onlyIfNoIssueYet,
    }),
});
export type AppOrRecoveryCodeField = keyof z.input<typeof appOrRecoveryCodeSchema>;

/** Which kind a typed code is: six digits are an app code, anything else a recovery code. */
export function codeKind(code: string): "totp" | "recovery" {
  return /^\d{6}$/.test(normalizeTotpCode(code)) ? "totp" : "recovery";
}
