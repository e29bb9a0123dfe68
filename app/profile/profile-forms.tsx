"use client";

import { useActionState, useState } from "react";
import {
  changePasswordAction,
  updateNameAction,
  type ChangePasswordState,
  type UpdateNameState,
} from "@/app/profile/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { PasswordStrength } from "@/components/password-strength";
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
  const [newPassword, setNewPassword] = useState("");
  return (
    // React resets the form after each submission, which empties the password
    // fields without a change event.
    <form action={formAction} onReset={() => setNewPassword("")} className="space-y-4" noValidate>
      <FormAlert tone="success" message={state.status === "success" ? state.message : undefined} />
      <FormAlert tone="error" message={state.status === "error" ? state.message : undefined} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={errors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={errors.newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        describedBy="new-password-strength"
      >
        <PasswordStrength id="new-password-strength" password={newPassword} />
      </TextField>
      <TextField
        label="Confirm new password"
        name="confirmNewPassword"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmNewPassword}
      />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
