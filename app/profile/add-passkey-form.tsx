"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startRegistration } from "@simplewebauthn/browser";
import { finishAddingPasskeyAction, startAddingPasskeyAction } from "@/app/profile/passkey-actions";
import { describeCeremonyError } from "@/components/passkeys/passkey-outcome";
import { TextField } from "@/components/text-field";
import { FormAlert } from "@/components/form-alert";
import { fieldErrorsOf, valuesOf, type FormState } from "@/lib/form-state";
import type { PasskeyNameField } from "@/lib/validation/passkey";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/validation/field-limits";

const IDLE_STATE: FormState<PasskeyNameField> = { status: "idle" };

/** The server checks the name, then the browser's passkey prompt, then the server checks the new credential. */
async function addPasskey(formData: FormData): Promise<FormState<PasskeyNameField>> {
  const start = await startAddingPasskeyAction(IDLE_STATE, formData);
  if (start.status !== "ready") return start;
  const failed = (message: string): FormState<PasskeyNameField> => ({
    status: "error",
    message,
    fieldErrors: {},
    values: { passkeyName: start.passkeyName },
  });
  let response;
  try {
    response = await startRegistration({ optionsJSON: start.options });
  } catch (error) {
    return failed(describeCeremonyError(error));
  }
  const result = await finishAddingPasskeyAction(start.passkeyName, JSON.stringify(response));
  return result.ok ? IDLE_STATE : failed(result.message);
}

/** Name it, then the browser's passkey prompt. */
export function AddPasskeyForm() {
  const router = useRouter();
  const [state, setState] = useState<FormState<PasskeyNameField>>(IDLE_STATE);
  const [pending, startTransition] = useTransition();

  function add(formData: FormData) {
    startTransition(async () => {
      const next = await addPasskey(formData);
      setState(next);
      if (next === IDLE_STATE) router.refresh();
    });
  }

  return (
    // Submitted by script (the passkey prompt needs it); method="post" so that,
    // before the page's script runs, a submission can never become a GET.
    <form
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        add(new FormData(event.currentTarget));
      }}
      className="space-y-3"
      noValidate
    >
      <FormAlert tone="error" message={state.status === "error" ? state.message : undefined} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <TextField
            label="Passkey name"
            name="passkeyName"
            maxLength={PASSKEY_NAME_MAX_LENGTH}
            hint="Where it lives, such as “Work laptop” or “Phone”."
            defaultValue={valuesOf(state).passkeyName}
            errors={fieldErrorsOf(state).passkeyName}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-70"
        >
          Add a passkey
        </button>
      </div>
    </form>
  );
}
