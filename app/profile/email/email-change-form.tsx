"use client";

import { useActionState } from "react";
import { requestEmailChangeAction, type EmailChangeState } from "@/app/profile/email/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";

export function EmailChangeForm() {
  const [state, formAction] = useActionState<EmailChangeState, FormData>(requestEmailChangeAction, IDLE);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <TextField
        label="New email"
        name="newEmail"
        type="email"
        autoComplete="email"
        defaultValue={valuesOf(state).newEmail}
        errors={errors.newEmail}
        autoFocus
      />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={errors.currentPassword}
      />
      <SubmitButton className="w-full">Send confirmation link</SubmitButton>
    </form>
  );
}
