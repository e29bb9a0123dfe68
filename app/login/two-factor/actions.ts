"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { startSessionWithCookie } from "@/lib/auth/start-session";
import { signInMethod } from "@/lib/sessions/sign-in-method";
import { loginUrlFor } from "@/lib/auth/login-url";
import { signInLanding } from "@/lib/account-review/landing";
import { clearPendingStep, completePendingStep, readPendingStep } from "@/lib/two-factor/login-challenge";
import { confirmSecondFactor } from "@/lib/credentials/confirm-second-factor";
import { recoveryCodesLeftMessage } from "@/lib/two-factor/notices";
import { setFlash } from "@/lib/flash/set-flash";
import { findUserById } from "@/lib/users/queries";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { secondFactorSchema, type SecondFactorField } from "@/lib/validation/two-factor";

export type SecondFactorState = FormState<SecondFactorField>;

const EXPIRED_MESSAGE = "Your sign-in took too long or was already completed. Sign in again.";

export const verifySecondFactorAction = formStateAction(handleVerifySecondFactor);
/** The second step of a password sign-in: only a correct code here creates the session. */
async function handleVerifySecondFactor(_previous: SecondFactorState, formData: FormData): Promise<SecondFactorState> {
  const input = formValues(formData, ["method", "code", "recoveryCode"] as const);
  const echo = { method: input.method };
  const pending = await readPendingStep("sign-in");
  if (!pending) return formError({ message: EXPIRED_MESSAGE, values: echo });
  const parsed = secondFactorSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, echo);

  const user = await findUserById(pending.userId);
  if (!user?.active) {
    await clearPendingStep("sign-in");
    return formError({ message: "This account has been deactivated. Contact an administrator.", values: echo });
  }
  const factor =
    parsed.data.method === "totp"
      ? { kind: "totp" as const, code: parsed.data.code }
      : { kind: "recovery" as const, code: parsed.data.recoveryCode };
  const attempt = await confirmSecondFactor(user, factor, "sign-in", pending.stepId);
  if (!attempt.ok && attempt.stepEnded) {
    // Used up: the next try starts from the password.
    await completePendingStep("sign-in");
    await setFlash("error", attempt.message);
    redirect(pending.next ? loginUrlFor(pending.next) : "/login");
  }
  if (!attempt.ok) {
    const field = factor.kind === "totp" ? "code" : "recoveryCode";
    return formError({ fieldErrors: { [field]: [attempt.message] }, values: echo });
  }

  // Used up here, so a second request with the same cookie (or a racing one) gets nothing.
  const completed = await completePendingStep("sign-in");
  if (!completed) return formError({ message: EXPIRED_MESSAGE, values: echo });
  // Recorded with its true second factor: a recovery code is not the authenticator app.
  const method = signInMethod(completed.provider ?? "password", attempt.kind === "recovery" ? "recovery-code" : "totp");
  await startSessionWithCookie(user, completed.remember, method);
  if (attempt.kind === "recovery") {
    await setFlash("info", recoveryCodesLeftMessage(attempt.codesLeft));
  }
  redirect(await signInLanding(user, completed.next));
}
