import "server-only";
import { currentRequestInfo } from "@/lib/request/info";
import {
  attemptSecondFactor,
  type SecondFactorChannel,
  type SecondFactorInput,
} from "@/lib/two-factor/attempt-second-factor";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { INVALID_CODE_MESSAGE, INVALID_RECOVERY_CODE_MESSAGE } from "@/lib/validation/two-factor";

export type SecondFactorConfirmation =
  | { ok: true; kind: "totp" }
  | { ok: true; kind: "recovery"; codesLeft: number }
  /**
   * The message for the code field; or, `stepEnded`, for the whole form: the
   * half-way sign-in has had all its wrong codes and starts again from the password.
   */
  | { ok: false; message: string; stepEnded: boolean };

export const STEP_ENDED_MESSAGE = "Too many wrong codes. Sign in again.";

/**
 * A code typed for an account (authenticator app or recovery code), on the
 * account's and the address's budgets (lib/two-factor/attempt-second-factor.ts),
 * and on the half-way step's own when `stepId` is given. Refused, it gives
 * the message for the form's code field.
 */
export async function confirmSecondFactor(
  user: { id: string; email: string; name: string },
  input: SecondFactorInput,
  channel: SecondFactorChannel,
  stepId?: string,
): Promise<SecondFactorConfirmation> {
  const attempt = await attemptSecondFactor(user, input, (await currentRequestInfo()).ip, channel, stepId);
  if (attempt.ok) return attempt;
  if (attempt.reason === "step_ended") return { ok: false, message: STEP_ENDED_MESSAGE, stepEnded: true };
  if (attempt.reason === "throttled") {
    return { ok: false, message: tooManyAttemptsMessage(attempt.retryAfterMs), stepEnded: false };
  }
  // The sign-in form has a field of its own for recovery codes; the other forms take either kind in one.
  const separateField = channel === "sign-in" && input.kind === "recovery";
  return { ok: false, message: separateField ? INVALID_RECOVERY_CODE_MESSAGE : INVALID_CODE_MESSAGE, stepEnded: false };
}
