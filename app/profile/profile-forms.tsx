"use client";

import { useActionState } from "react";
import {
  changePasswordAction,
  updateNameAction,
  type ChangePasswordState,
  type UpdateNameState,
} from "@/app/profile/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { NewPasswordFields } from "@/components/new-password-fields";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";
import { NAME_MAX_LENGTH } from "@/lib/validation/field-limits";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";

export function UpdateNameForm({ currentName }: { currentName: string }) {
  const [state, formAction] = useActionState<UpdateNameState, FormData>(updateNameAction, IDLE);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert tone="success" message={state.status === "success" ? state.message : undefined} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        defaultValue={valuesOf(state).name ?? currentName}
        errors={errors.name}
        maxLength={NAME_MAX_LENGTH}
      />
      <SubmitButton>Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, formAction] = useActionState<ChangePasswordState, FormData>(changePasswordAction, IDLE);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert tone="success" message={state.status === "success" ? state.message : undefined} />
      <FormAlert tone="error" message={state.status === "error" ? state.message : undefined} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={errors.currentPassword}
      />
      <NewPasswordFields
        password={{ name: "newPassword", label: "New password", errors: errors.newPassword }}
        confirmation={{ name: "confirmNewPassword", label: "Confirm new password", errors: errors.confirmNewPassword }}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
