"use client";

import { useActionState, useState } from "react";
import { createApiKeyAction, type CreateApiKeyState } from "@/app/profile/api-key-actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { fieldErrorsOf, valuesOf, type FormState } from "@/lib/form-state";
import type { CreateApiKeyField } from "@/lib/validation/api-key";
import { API_KEY_NAME_MAX_LENGTH } from "@/lib/validation/field-limits";

const IDLE_STATE: CreateApiKeyState = { status: "idle" };

export function CreateApiKeyForm() {
  const [state, formAction] = useActionState(createApiKeyAction, IDLE_STATE);
  const formState = (state.status === "created" ? IDLE_STATE : state) as FormState<CreateApiKeyField>;
  return (
    <div className="space-y-4">
      {state.status === "created" && <NewKey name={state.name} apiKey={state.key} />}
      <FormAlert tone="error" message={formState.status === "error" ? formState.message : undefined} />
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-60 flex-1">
          <TextField
            label="Key name"
            name="keyName"
            maxLength={API_KEY_NAME_MAX_LENGTH}
            defaultValue={valuesOf(formState).keyName}
            errors={fieldErrorsOf(formState).keyName}
          />
        </div>
        <SubmitButton>Create API key</SubmitButton>
      </form>
    </div>
  );
}

function NewKey({ name, apiKey }: { name: string; apiKey: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm ring-1 ring-emerald-200 dark:bg-emerald-950 dark:ring-emerald-900">
      <p className="font-semibold">API key “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {/* The label sits on a group: ARIA forbids naming a code element, and a
            screen reader may read such a name instead of the key itself. */}
        <span role="group" aria-label="New API key">
          <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700">
            {apiKey}
          </code>
        </span>
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(apiKey);
            setCopied(true);
          }}
          className="rounded-md bg-white px-3 py-1 text-xs font-semibold ring-1 ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:ring-slate-600"
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
