"use client";

import { useActionState } from "react";
import { registerAction, type RegisterState } from "@/app/register/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { NewPasswordFields } from "@/components/new-password-fields";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";
import { NAME_MAX_LENGTH } from "@/lib/validation/field-limits";

export function RegisterForm() {
  // The permalink keys the answer to a post made without JavaScript by address,
  // not by the form's place in the tree: the page may be the prerendered twin
  // (app/static/), the answer is rendered per request.
  const [state, formAction] = useActionState<RegisterState, FormData>(registerAction, IDLE, "/register");
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
      <NewPasswordFields
        password={{ name: "password", label: "Password", errors: errors.password }}
        confirmation={{ name: "confirmPassword", label: "Confirm password", errors: errors.confirmPassword }}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is best.`}
      />
      <SubmitButton className="w-full">Create account</SubmitButton>
    </form>
  );
}
