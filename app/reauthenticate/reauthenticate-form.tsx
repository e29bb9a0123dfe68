"use client";

import { useActionState } from "react";
import { reauthenticateAction, type ReauthenticateState } from "@/app/reauthenticate/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, fieldErrorsOf } from "@/lib/form-state";

export function ReauthenticateForm({ next, email }: { next: string; email: string }) {
  const [state, formAction] = useActionState<ReauthenticateState, FormData>(reauthenticateAction, IDLE);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="next" value={next} />
      {/* Lets password managers fill the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        errors={fieldErrorsOf(state).password}
        autoFocus
      />
      <SubmitButton className="w-full">Confirm</SubmitButton>
    </form>
  );
}
