"use client";

import { useActionState } from "react";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { IDLE, fieldErrorsOf, valuesOf, type FormState } from "@/lib/form-state";
import type { DeleteAccountField } from "@/lib/validation/delete-account";

export type DeleteAccountState = FormState<DeleteAccountField>;

interface DeleteAccountFormProps {
  action: (previous: DeleteAccountState, formData: FormData) => Promise<DeleteAccountState>;
  /** The account to delete, for the admin's form. */
  userId?: string;
  button: string;
}

/** Deleting an account: typing its address is the confirmation (lib/validation/delete-account.ts). */
export function DeleteAccountForm({ action, userId, button }: DeleteAccountFormProps) {
  const [state, formAction] = useActionState<DeleteAccountState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {userId && <input type="hidden" name="userId" value={userId} />}
      <FormAlert message={state.status === "error" ? state.message : undefined} tone="error" />
      <TextField
        label="Type the account's email address to confirm"
        name="confirmEmail"
        type="email"
        autoComplete="off"
        defaultValue={valuesOf(state).confirmEmail}
        errors={fieldErrorsOf(state).confirmEmail}
        maxLength={254}
      />
      <SubmitButton variant="danger" className="w-full">
        {button}
      </SubmitButton>
    </form>
  );
}
