"use client";

import { useActionState } from "react";
import {
  regenerateRecoveryCodesAction,
  turnOffTwoFactorAction,
  turnOnTwoFactorAction,
  type RecoveryCodesState,
  type TurnOffState,
} from "@/app/profile/two-factor/actions";
import { RecoveryCodesView } from "@/app/profile/two-factor/recovery-codes-view";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { IDLE, fieldErrorsOf, type FormState } from "@/lib/form-state";
import type { AuthenticationCodeField } from "@/lib/validation/two-factor";

interface Account {
  appName: string;
  email: string;
}

export function TurnOnForm({ appName, email }: Account) {
  const [state, formAction] = useActionState<RecoveryCodesState<AuthenticationCodeField>, FormData>(
    turnOnTwoFactorAction,
    IDLE,
  );
  if (state.status === "codes") {
    return (
      <div className="space-y-6">
        <FormAlert tone="success" message="Two-factor authentication is on." />
        <RecoveryCodesView codes={state.codes} appName={appName} email={email} />
      </div>
    );
  }
  const formState = state as FormState<AuthenticationCodeField>;
  const errors = fieldErrorsOf(formState);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert tone="error" message={formState.status === "error" ? formState.message : undefined} />
      <TextField
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={20}
        hint="The 6-digit code the app shows once it has the key."
        errors={errors.code}
      />
      <SubmitButton>Turn on two-factor authentication</SubmitButton>
    </form>
  );
}

export function RegenerateCodesForm({ appName, email }: Account) {
  const [state, formAction] = useActionState<RecoveryCodesState<never>, FormData>(regenerateRecoveryCodesAction, IDLE);
  if (state.status === "codes") return <RecoveryCodesView codes={state.codes} appName={appName} email={email} />;
  return (
    <form action={formAction} className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">New codes replace every earlier one.</p>
      <SubmitButton variant="secondary">Generate new recovery codes</SubmitButton>
    </form>
  );
}

export function TurnOffForm() {
  const [state, formAction] = useActionState<TurnOffState, FormData>(turnOffTwoFactorAction, IDLE);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <TextField
        label="Authentication or recovery code"
        name="code"
        autoComplete="one-time-code"
        maxLength={40}
        hint="A current code from your authenticator app, or one of your recovery codes."
        errors={fieldErrorsOf(state).code}
      />
      <SubmitButton variant="danger">Turn off two-factor authentication</SubmitButton>
    </form>
  );
}
