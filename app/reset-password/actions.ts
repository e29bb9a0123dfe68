"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/recovery/password-reset";
import { INVALID_LINK_MESSAGE, PASSWORD_RESET_FLASH } from "@/lib/recovery/messages";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, type FormState } from "@/lib/form-state";
import { resetPasswordSchema, type ResetPasswordField } from "@/lib/validation/reset-password";

export type ResetPasswordState = FormState<ResetPasswordField>;

export const resetPasswordAction = formStateAction(
  { access: "anyone", page: "/reset-password", fields: ["token", "newPassword", "confirmNewPassword"], schema: resetPasswordSchema },
  async ({ token, newPassword }): Promise<ResetPasswordState> => {
    const outcome = await resetPassword(token, newPassword);
    // The link was used or expired while the form was open.
    if (!outcome.ok) return formError({ message: INVALID_LINK_MESSAGE });
    await setFlash("success", PASSWORD_RESET_FLASH);
    redirect("/login");
  },
);
