"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { currentRequestInfo } from "@/lib/request/info";
import { requestPasswordReset } from "@/lib/recovery/password-reset";
import { RESET_REQUESTED_MESSAGE } from "@/lib/recovery/messages";
import { formValues, invalidForm, type FormState } from "@/lib/form-state";
import { forgotPasswordSchema, type ForgotPasswordField } from "@/lib/validation/forgot-password";

export type ForgotPasswordState = FormState<ForgotPasswordField>;

export const forgotPasswordAction = formStateAction(handleForgotPassword);
async function handleForgotPassword(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const input = formValues(formData, ["email"] as const);
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);

  const { ip } = await currentRequestInfo();
  await requestPasswordReset(parsed.data.email, ip);
  return { status: "success", message: RESET_REQUESTED_MESSAGE };
}
