"use client";

import { useActionState, useState } from "react";
import { verifySecondFactorAction, type SecondFactorState } from "@/app/login/two-factor/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";

const linkButton = "text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400";

/** One form, two ways to answer: the app's code, or (switched to) a recovery code. */
export function SecondFactorForm() {
  const [state, formAction] = useActionState<SecondFactorState, FormData>(verifySecondFactorAction, IDLE);
  const [method, setMethod] = useState<"totp" | "recovery">(valuesOf(state).method === "recovery" ? "recovery" : "totp");
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert tone="error" message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="method" value={method} />
      {method === "totp" ? (
        <TextField
          key="code"
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={20}
          hint="The 6-digit code your authenticator app shows for this account."
          errors={errors.code}
          autoFocus
        />
      ) : (
        <TextField
          key="recoveryCode"
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          maxLength={40}
          hint="One of the codes you saved when you turned two-factor authentication on. Each works once."
          errors={errors.recoveryCode}
          autoFocus
        />
      )}
      <SubmitButton className="w-full">Verify</SubmitButton>
      <button type="button" className={linkButton} onClick={() => setMethod(method === "totp" ? "recovery" : "totp")}>
        {method === "totp" ? "Use a recovery code" : "Use an authentication code"}
      </button>
    </form>
  );
}
