"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { requireFreshSession } from "@/lib/auth/session";
import { regenerateRecoveryCodes, turnOffAuthenticatorByOwner, turnOnAuthenticator } from "@/lib/two-factor/changes";
import { confirmSecondFactor } from "@/lib/credentials/confirm-second-factor";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { redirect } from "next/navigation";
import { CONFIRM_ADDRESS_FIRST_MESSAGE, mayAddSignInMethods } from "@/lib/verification/confirmed-address";
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
  if (!mayAddSignInMethods(session.user)) return formError({ message: CONFIRM_ADDRESS_FIRST_MESSAGE });
  const parsed = authenticationCodeSchema.safeParse(formValues(formData, ["code"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});
  const codes = await turnOnAuthenticator(session.user, parsed.data.code);
  if (!codes) return formError({ fieldErrors: { code: [INVALID_CODE_MESSAGE] } });
  return { status: "codes", codes };
}

export const regenerateRecoveryCodesAction = formStateAction(handleRegenerateRecoveryCodes);
async function handleRegenerateRecoveryCodes(): Promise<RecoveryCodesState<never>> {
  const session = await requireFreshSession(PAGE);
  const codes = await regenerateRecoveryCodes(session.user);
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
  const attempt = await confirmSecondFactor(session.user, { kind: codeKind(code), code }, "turning two-factor off");
  if (!attempt.ok) return formError({ fieldErrors: { code: [attempt.message] } });
  await turnOffAuthenticatorByOwner(session.user);
  await setFlash("success", "Two-factor authentication is off.");
  redirect(PAGE);
}
