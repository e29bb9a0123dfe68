"use client";

import { useActionState } from "react";
import { resetPasswordAction, type ResetPasswordState } from "@/app/reset-password/actions";
import { SubmitButton } from "@/components/submit-button";
import { NewPasswordFields } from "@/components/new-password-fields";
import { InvalidLink } from "@/components/invalid-link";
import { IDLE, fieldErrorsOf } from "@/lib/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, IDLE);
  const errors = fieldErrorsOf(state);

  if (state.status === "error" && state.message) {
    return <InvalidLink message={state.message} retryHref="/forgot-password" retryLabel="Request a new link" />;
  }
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        password={{ name: "newPassword", label: "New password", errors: errors.newPassword }}
        confirmation={{ name: "confirmNewPassword", label: "Confirm new password", errors: errors.confirmNewPassword }}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is best.`}
        autoFocus
      />
      <SubmitButton className="w-full">Set new password</SubmitButton>
    </form>
  );
}
