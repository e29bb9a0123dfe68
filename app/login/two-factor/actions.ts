"use server";

import { formStateAction, type FormContext } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { startSession } from "@/lib/auth/start-session";
import { INACTIVE_ACCOUNT_MESSAGE } from "@/lib/messages";
import { signInMethod } from "@/lib/sessions/sign-in-method";
import { loginUrlFor } from "@/lib/auth/login-url";
import { signInLanding } from "@/lib/account-review/landing";
import { clearPendingStep, completePendingStep, readPendingStep } from "@/lib/two-factor/login-challenge";
import { confirmSecondFactor } from "@/lib/credentials/confirm-second-factor";
import { recoveryCodesLeftMessage } from "@/lib/two-factor/notices";
import { setFlash } from "@/lib/flash/set-flash";
import { findUserById } from "@/lib/users/queries";
import { formError, type FormState } from "@/lib/form-state";
import { secondFactorSchema, type SecondFactorField, type SecondFactorInput } from "@/lib/validation/two-factor";

export type SecondFactorState = FormState<SecondFactorField>;

const EXPIRED_MESSAGE = "Your sign-in took too long or was already completed. Sign in again.";

export const verifySecondFactorAction = formStateAction(
  { access: "anyone", page: "/login/two-factor", fields: ["method", "code", "recoveryCode"], echo: ["method"], schema: secondFactorSchema },
  verifySecondFactor,
);
/** The second step of a password (or provider) sign-in: only a correct code here creates the session. */
async function verifySecondFactor(input: SecondFactorInput, { echo }: FormContext<"anyone", SecondFactorField>): Promise<SecondFactorState> {
  const pending = await readPendingStep("sign-in");
  if (!pending) return formError({ message: EXPIRED_MESSAGE, values: echo });
  const user = await findUserById(pending.userId);
  if (!user?.active) {
    await clearPendingStep("sign-in");
    return formError({ message: INACTIVE_ACCOUNT_MESSAGE, values: echo });
  }
  const factor = input.method === "totp" ? { kind: "totp" as const, code: input.code } : { kind: "recovery" as const, code: input.recoveryCode };
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
  await startSession(user, { method, remember: completed.remember });
  if (attempt.kind === "recovery") await setFlash("info", recoveryCodesLeftMessage(attempt.codesLeft));
  redirect(await signInLanding(user, completed.next));
}
