"use client";

import { useActionState } from "react";
import { reauthenticateCodeAction, type ReauthenticateCodeState } from "@/app/reauthenticate/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { IDLE, fieldErrorsOf } from "@/lib/form-state";

export function ReauthenticateCodeForm({ next }: { next: string }) {
  const [state, formAction] = useActionState<ReauthenticateCodeState, FormData>(reauthenticateCodeAction, IDLE);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert tone="error" message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="next" value={next} />
      <TextField
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        maxLength={40}
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        errors={fieldErrorsOf(state).code}
        autoFocus
      />
      <SubmitButton className="w-full">Verify</SubmitButton>
    </form>
  );
}
