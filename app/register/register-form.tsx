"use client";

import { useActionState } from "react";
import { registerAction, type RegisterState } from "@/app/register/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { NAME_MAX_LENGTH } from "@/lib/validation/name";

export function RegisterForm() {
  const [state, formAction] = useActionState<RegisterState, FormData>(registerAction, IDLE);
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert tone="error" message={state.status === "error" ? state.message : undefined} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        defaultValue={values.name}
        errors={errors.name}
        maxLength={NAME_MAX_LENGTH}
        autoFocus
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={values.email}
        errors={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is best.`}
        errors={errors.password}
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmPassword}
      />
      <SubmitButton className="w-full">Create account</SubmitButton>
    </form>
  );
}
