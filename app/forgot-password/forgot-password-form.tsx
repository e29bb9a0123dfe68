"use client";

import { useActionState } from "react";
import { forgotPasswordAction, type ForgotPasswordState } from "@/app/forgot-password/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";

export function ForgotPasswordForm() {
  // The permalink keys the answer to a post made without JavaScript by address,
  // not by the form's place in the tree: the page may be the prerendered twin
  // (app/static/), the answer is rendered per request.
  const [state, formAction] = useActionState<ForgotPasswordState, FormData>(forgotPasswordAction, IDLE, "/forgot-password");
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert tone="success" message={state.status === "success" ? state.message : undefined} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={valuesOf(state).email}
        errors={fieldErrorsOf(state).email}
        autoFocus
      />
      <SubmitButton className="w-full">Send reset link</SubmitButton>
    </form>
  );
}
