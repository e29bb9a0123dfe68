"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { requireFreshSession } from "@/lib/auth/session";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { confirmTotpSetup, disableTotp } from "@/lib/two-factor/totp-factor";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-store";
import { attemptSecondFactor } from "@/lib/two-factor/attempt-second-factor";
import { twoFactorDisabledNotice, twoFactorEnabledNotice } from "@/lib/two-factor/notices";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { redirect } from "next/navigation";
import {
  INVALID_CODE_MESSAGE,
  authenticationCodeSchema,
  codeKind,
  appOrRecoveryCodeSchema,
  type AuthenticationCodeField,
  type AppOrRecoveryCodeField,
} from "@/lib/validation/two-factor";

const PAGE = "/profile/two-factor";

/** A form's state, or the new recovery codes to show once. */
export type RecoveryCodesState<Field extends string> = FormState<Field> | { status: "codes"; codes: string[] };

export const turnOnTwoFactorAction = formStateAction(handleTurnOnTwoFactor);
async function handleTurnOnTwoFactor(
  _previous: RecoveryCodesState<AuthenticationCodeField>,
  formData: FormData,
): Promise<RecoveryCodesState<AuthenticationCodeField>> {
  const session = await requireFreshSession(PAGE);
  const parsed = authenticationCodeSchema.safeParse(formValues(formData, ["code"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});
  const codes = await confirmTotpSetup(session.user.id, parsed.data.code);
  if (!codes) return formError({ fieldErrors: { code: [INVALID_CODE_MESSAGE] } });
  await recordAuditEvent({ action: "two_factor.enabled", actorId: session.user.id });
  await twoFactorEnabledNotice(session.user);
  return { status: "codes", codes };
}

export const regenerateRecoveryCodesAction = formStateAction(handleRegenerateRecoveryCodes);
async function handleRegenerateRecoveryCodes(): Promise<RecoveryCodesState<never>> {
  const session = await requireFreshSession(PAGE);
  const codes = await replaceRecoveryCodes(session.user.id);
  await recordAuditEvent({ action: "recovery_codes.generated", actorId: session.user.id });
  return { status: "codes", codes };
}

export type TurnOffState = FormState<AppOrRecoveryCodeField>;

export const turnOffTwoFactorAction = formStateAction(handleTurnOffTwoFactor);
/** Needs a fresh login and a current code (app or recovery): a stolen session alone cannot remove the factor. */
async function handleTurnOffTwoFactor(_previous: TurnOffState, formData: FormData): Promise<TurnOffState> {
  const session = await requireFreshSession(PAGE);
  const parsed = appOrRecoveryCodeSchema.safeParse(formValues(formData, ["code"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});
  const { code } = parsed.data;
  const attempt = await attemptSecondFactor(
    session.user,
    { kind: codeKind(code), code },
    (await currentRequestInfo()).ip,
    "turning two-factor off",
  );
  if (!attempt.ok) {
    const message = attempt.reason === "throttled" ? tooManyAttemptsMessage(attempt.retryAfterMs) : INVALID_CODE_MESSAGE;
    return formError({ fieldErrors: { code: [message] } });
  }
  if (await disableTotp(session.user.id)) {
    await recordAuditEvent({ action: "two_factor.disabled", actorId: session.user.id });
    await twoFactorDisabledNotice(session.user, false);
  }
  await setFlash("success", "Two-factor authentication is off.");
  redirect(PAGE);
}
