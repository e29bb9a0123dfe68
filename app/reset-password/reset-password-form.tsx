"use client";

import { useActionState, useState } from "react";
import { resetPasswordAction, type ResetPasswordState } from "@/app/reset-password/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { PasswordStrength } from "@/components/password-strength";
import { InvalidLink } from "@/components/invalid-link";
import { IDLE, fieldErrorsOf } from "@/lib/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, IDLE);
  const errors = fieldErrorsOf(state);
  const [password, setPassword] = useState("");

  if (state.status === "error" && state.message) {
    return <InvalidLink message={state.message} retryHref="/forgot-password" retryLabel="Request a new link" />;
  }
  return (
    <form action={formAction} onReset={() => setPassword("")} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is best.`}
        errors={errors.newPassword}
        onChange={(event) => setPassword(event.target.value)}
        describedBy="password-strength"
        autoFocus
      >
        <PasswordStrength id="password-strength" password={password} />
      </TextField>
      <TextField
        label="Confirm new password"
        name="confirmNewPassword"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmNewPassword}
      />
      <SubmitButton className="w-full">Set new password</SubmitButton>
    </form>
  );
}
