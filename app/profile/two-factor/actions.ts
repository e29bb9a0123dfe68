"use server";

import { formStateAction, formStateActionWith } from "@/lib/actions/server-action";
import { regenerateRecoveryCodes, turnOffAuthenticatorByOwner, turnOnAuthenticator } from "@/lib/two-factor/changes";
import { confirmSecondFactor } from "@/lib/credentials/confirm-second-factor";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, type FormState } from "@/lib/form-state";
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

export const turnOnTwoFactorAction = formStateAction(
  { access: "fresh", page: PAGE, fields: ["code"], schema: authenticationCodeSchema },
  async ({ code }, { session }): Promise<RecoveryCodesState<AuthenticationCodeField>> => {
    if (!mayAddSignInMethods(session.user)) return formError({ message: CONFIRM_ADDRESS_FIRST_MESSAGE });
    const codes = await turnOnAuthenticator(session.user, code);
    if (!codes) return formError({ fieldErrors: { code: [INVALID_CODE_MESSAGE] } });
    return { status: "codes", codes };
  },
);

export const regenerateRecoveryCodesAction = formStateActionWith(
  { access: "fresh", page: PAGE },
  async ({ session }): Promise<RecoveryCodesState<never>> => ({ status: "codes", codes: await regenerateRecoveryCodes(session.user) }),
);

export type TurnOffState = FormState<AppOrRecoveryCodeField>;

/** Needs a fresh login and a current code (app or recovery): a stolen session alone cannot remove the factor. */
export const turnOffTwoFactorAction = formStateAction(
  { access: "fresh", page: PAGE, fields: ["code"], schema: appOrRecoveryCodeSchema },
  async ({ code }, { session }): Promise<TurnOffState> => {
    const attempt = await confirmSecondFactor(session.user, { kind: codeKind(code), code }, "turning two-factor off");
    if (!attempt.ok) return formError({ fieldErrors: { code: [attempt.message] } });
    await turnOffAuthenticatorByOwner(session.user);
    await setFlash("success", "Two-factor authentication is off.");
    redirect(PAGE);
  },
);
