"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/recovery/password-reset";
import { INVALID_LINK_MESSAGE, PASSWORD_RESET_FLASH } from "@/lib/recovery/messages";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { resetPasswordSchema, type ResetPasswordField } from "@/lib/validation/reset-password";

export type ResetPasswordState = FormState<ResetPasswordField>;

export const resetPasswordAction = formStateAction(handleResetPassword);
async function handleResetPassword(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const input = formValues(formData, ["token", "newPassword", "confirmNewPassword"] as const);
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, {});

  const outcome = await resetPassword(parsed.data.token, parsed.data.newPassword);
  // The link was used or expired while the form was open.
  if (!outcome.ok) return formError({ message: INVALID_LINK_MESSAGE });

  await setFlash("success", PASSWORD_RESET_FLASH);
  redirect("/login");
}
