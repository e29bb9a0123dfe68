"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { confirmSession } from "@/lib/auth/confirm-session";
import { confirmPassword } from "@/lib/credentials/confirm-password";
import { beginPendingStep, completePendingStep, readPendingStep } from "@/lib/two-factor/login-challenge";
import { confirmSecondFactor } from "@/lib/credentials/confirm-second-factor";
import { recoveryCodesLeftMessage } from "@/lib/two-factor/notices";
import { setFlash } from "@/lib/flash/set-flash";
import { providerName } from "@/lib/linked-accounts/link";
import { formError, type FormState } from "@/lib/form-state";
import { describeSignInMethod, signInMethod } from "@/lib/sessions/sign-in-method";
import { reauthenticateSchema, type ReauthenticateField } from "@/lib/validation/reauthenticate";
import { codeKind, appOrRecoveryCodeSchema } from "@/lib/validation/two-factor";

export type ReauthenticateState = FormState<ReauthenticateField>;

function reauthenticateUrl(next: string): string {
  return `/reauthenticate?${new URLSearchParams({ next })}`;
}

/** Where the confirmation leads (and where a visitor without a session comes back to after signing in). */
const nextPage = (formData: FormData) => safeNextPath(formData.get("next")) ?? "/dashboard";

export const reauthenticateAction = formStateAction(
  { access: "signed-in", page: nextPage, fields: ["password"], schema: reauthenticateSchema },
  async ({ password }, { session, page: next }): Promise<ReauthenticateState> => {
    const attempt = await confirmPassword(session.user, password, "re-authentication");
    if (!attempt.ok) return formError({ fieldErrors: { password: [attempt.message] } });
    if (attempt.needsSecondFactor) {
      // The page asks for the code next, for this session only.
      await beginPendingStep("re-authentication", session.user.id, { remember: false, next, sessionId: session.id });
      redirect(reauthenticateUrl(next));
    }
    await confirmSession(session, "password");
    await setFlash("success", "Password confirmed.");
    redirect(next);
  },
);

export type ReauthenticateCodeState = FormState<"code">;

const STEP_EXPIRED = "That took too long. Enter your password again.";

/** The second step for an account with two-factor on: an app code or a recovery code. */
export const reauthenticateCodeAction = formStateAction(
  { access: "signed-in", page: nextPage, fields: ["code"], schema: appOrRecoveryCodeSchema },
  async ({ code }, { session, page: next }): Promise<ReauthenticateCodeState> => {
    const pending = await readPendingStep("re-authentication");
    if (!pending || pending.sessionId !== session.id) return formError({ message: STEP_EXPIRED });
    const attempt = await confirmSecondFactor(session.user, { kind: codeKind(code), code }, "re-authentication");
    if (!attempt.ok) return formError({ fieldErrors: { code: [attempt.message] } });
    const completed = await completePendingStep("re-authentication");
    if (!completed || completed.sessionId !== session.id) {
      return formError({ message: pending.provider ? `That took too long. Continue with ${providerName(pending.provider)} again.` : STEP_EXPIRED });
    }
    await confirmSession(session, describeSignInMethod(signInMethod(completed.provider ?? "password", "totp")));
    const codesLeft = attempt.kind === "recovery" ? ` ${recoveryCodesLeftMessage(attempt.codesLeft)}` : "";
    await setFlash("success", `Identity confirmed.${codesLeft}`);
    redirect(next);
  },
);
