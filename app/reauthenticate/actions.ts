"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { confirmSession } from "@/lib/auth/confirm-session";
import { confirmPassword } from "@/lib/credentials/confirm-password";
import { beginPendingStep, completePendingStep, readPendingStep } from "@/lib/two-factor/login-challenge";
import { confirmSecondFactor } from "@/lib/credentials/confirm-second-factor";
import { recoveryCodesLeftMessage } from "@/lib/two-factor/notices";
import { setFlash } from "@/lib/flash/set-flash";
import { providerName } from "@/lib/linked-accounts/link";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { reauthenticateSchema, type ReauthenticateField } from "@/lib/validation/reauthenticate";
import { codeKind, appOrRecoveryCodeSchema } from "@/lib/validation/two-factor";

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

  const attempt = await confirmPassword(session.user, parsed.data.password, "re-authentication");
  if (!attempt.ok) return formError({ fieldErrors: { password: [attempt.message] } });
  if (attempt.needsSecondFactor) {
    // The page asks for the code next, for this session only.
    await beginPendingStep("re-authentication", session.user.id, { remember: false, next, sessionId: session.id });
    redirect(reauthenticateUrl(next));
  }
  await confirmSession(session, "password");
  await setFlash("success", "Password confirmed.");
  redirect(next);
}

export type ReauthenticateCodeState = FormState<"code">;

const STEP_EXPIRED = "That took too long. Enter your password again.";

export const reauthenticateCodeAction = formStateAction(handleReauthenticateCode);
/** The second step for an account with two-factor on: an app code or a recovery code. */
async function handleReauthenticateCode(
  _previous: ReauthenticateCodeState,
  formData: FormData,
): Promise<ReauthenticateCodeState> {
  const next = safeNextPath(formData.get("next")) ?? "/dashboard";
  const session = await requireSession(next);
  const pending = await readPendingStep("re-authentication");
  if (!pending || pending.sessionId !== session.id) return formError({ message: STEP_EXPIRED });
  const parsed = appOrRecoveryCodeSchema.safeParse(formValues(formData, ["code"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});
  const { code } = parsed.data;
  const attempt = await confirmSecondFactor(session.user, { kind: codeKind(code), code }, "re-authentication");
  if (!attempt.ok) return formError({ fieldErrors: { code: [attempt.message] } });
  const completed = await completePendingStep("re-authentication");
  if (!completed || completed.sessionId !== session.id) {
    return formError({ message: pending.provider ? `That took too long. Continue with ${providerName(pending.provider)} again.` : STEP_EXPIRED });
  }
  await confirmSession(session, `${completed.provider ? providerName(completed.provider) : "password"} and second factor`);
  const codesLeft = attempt.kind === "recovery" ? ` ${recoveryCodesLeftMessage(attempt.codesLeft)}` : "";
  await setFlash("success", `Identity confirmed.${codesLeft}`);
  redirect(next);
}
