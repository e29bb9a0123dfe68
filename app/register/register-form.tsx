"use client";

import { useActionState, useState } from "react";
import { registerAction, type RegisterState } from "@/app/register/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { PasswordStrength } from "@/components/password-strength";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";
import { NAME_MAX_LENGTH } from "@/lib/validation/field-limits";

export function RegisterForm() {
  const [state, formAction] = useActionState<RegisterState, FormData>(registerAction, IDLE);
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);
  const [password, setPassword] = useState("");

  return (
    // React resets the form after each submission, which empties the password
    // field without a change event.
    <form action={formAction} onReset={() => setPassword("")} className="space-y-5" noValidate>
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
        onChange={(event) => setPassword(event.target.value)}
        describedBy="password-strength"
      >
        <PasswordStrength id="password-strength" password={password} />
      </TextField>
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
