"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { confirmSession } from "@/lib/auth/confirm-session";
import { attemptPassword } from "@/lib/auth/attempt-password";
import { hasTotpEnabled } from "@/lib/two-factor/totp-factor";
import { beginPendingStep, completePendingStep, readPendingStep } from "@/lib/two-factor/login-challenge";
import { attemptSecondFactor } from "@/lib/two-factor/attempt-second-factor";
import { recoveryCodesLeftMessage } from "@/lib/two-factor/notices";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { reauthenticateSchema, type ReauthenticateField } from "@/lib/validation/reauthenticate";
import { INVALID_CODE_MESSAGE, codeKind, appOrRecoveryCodeSchema } from "@/lib/validation/two-factor";

export type ReauthenticateState = FormState<ReauthenticateField>;

function reauthenticateUrl(next: string): string {
  return `/reauthenticate?${new URLSearchParams({ next })}`;
}

export const reauthenticateAction = formStateAction(handleReauthenticate);
async function handleReauthenticate(
  _previous: ReauthenticateState,
  formData: FormData,
): Promise<ReauthenticateState> {
  const next = safeNextPath(formData.get("next")) ?? "/dashboard";
  const session = await requireSession(next);
  const parsed = reauthenticateSchema.safeParse(formValues(formData, ["password"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});

  const request = await currentRequestInfo();
  const attempt = await attemptPassword(session.user.email, parsed.data.password, request.ip, "re-authentication");
  if (!attempt.ok && attempt.reason === "throttled") {
    return formError({ fieldErrors: { password: [tooManyAttemptsMessage(attempt.retryAfterMs)] } });
  }
  if (!attempt.ok || attempt.user.id !== session.user.id) {
    return formError({ fieldErrors: { password: ["That password is not correct."] } });
  }
  if (await hasTotpEnabled(session.user.id)) {
    // The page asks for the code next, for this session only.
    await beginPendingStep("re-authentication", session.user.id, { remember: false, next, sessionId: session.id });
    redirect(reauthenticateUrl(next));
  }
  await confirmSession(session, "password");
  await setFlash("success", "Password confirmed.");
  redirect(next);
}

export type ReauthenticateCodeState = FormState<"code">;

export const reauthenticateCodeAction = formStateAction(handleReauthenticateCode);
/** The second step for an account with two-factor on: an app code or a recovery code. */
async function handleReauthenticateCode(
  _previous: ReauthenticateCodeState,
  formData: FormData,
): Promise<ReauthenticateCodeState> {
  const next = safeNextPath(formData.get("next")) ?? "/dashboard";
  const session = await requireSession(next);
  const pending = await readPendingStep("re-authentication");
  if (!pending || pending.sessionId !== session.id) {
    return formError({ message: "That took too long. Enter your password again." });
  }
  const parsed = appOrRecoveryCodeSchema.safeParse(formValues(formData, ["code"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});
  const { code } = parsed.data;
  const attempt = await attemptSecondFactor(
    session.user,
    { kind: codeKind(code), code },
    (await currentRequestInfo()).ip,
    "re-authentication",
  );
  if (!attempt.ok) {
    const message = attempt.reason === "throttled" ? tooManyAttemptsMessage(attempt.retryAfterMs) : INVALID_CODE_MESSAGE;
    return formError({ fieldErrors: { code: [message] } });
  }
  const completed = await completePendingStep("re-authentication");
  if (!completed || completed.sessionId !== session.id) {
    return formError({ message: "That took too long. Enter your password again." });
  }
  await confirmSession(session, "password and second factor");
  const codesLeft = attempt.kind === "recovery" ? ` ${recoveryCodesLeftMessage(attempt.codesLeft)}` : "";
  await setFlash("success", `Identity confirmed.${codesLeft}`);
  redirect(next);
}
