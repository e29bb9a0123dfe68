"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { currentRequestInfo } from "@/lib/request/info";
import { requestPasswordReset } from "@/lib/recovery/password-reset";
import { RESET_REQUESTED_MESSAGE } from "@/lib/recovery/messages";
import type { FormState } from "@/lib/form-state";
import { forgotPasswordSchema, type ForgotPasswordField } from "@/lib/validation/forgot-password";

export type ForgotPasswordState = FormState<ForgotPasswordField>;

export const forgotPasswordAction = formStateAction(
  { access: "anyone", page: "/forgot-password", fields: ["email"], echo: ["email"], schema: forgotPasswordSchema },
  async ({ email }): Promise<ForgotPasswordState> => {
    await requestPasswordReset(email, (await currentRequestInfo()).ip);
    return { status: "success", message: RESET_REQUESTED_MESSAGE };
  },
);
