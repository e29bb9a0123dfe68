"use client";

import { useState } from "react";
import { startAuthentication } from "@simplewebauthn/browser";
import { passkeyReauthAction, passkeyReauthOptionsAction } from "@/app/reauthenticate/passkey-actions";
import { describeCeremonyError } from "@/components/passkeys/passkey-outcome";
import { FormAlert } from "@/components/form-alert";

export function PasskeyReauthenticateButton({ next }: { next: string }) {
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setMessage(undefined);
    setBusy(true);
    try {
      const start = await passkeyReauthOptionsAction();
      if (!start.ok) {
        setMessage(start.message);
        setBusy(false);
        return;
      }
      const response = await startAuthentication({ optionsJSON: start.options });
      const outcome = await passkeyReauthAction(JSON.stringify(response), next);
      if (outcome.ok) {
        window.location.assign(outcome.redirectTo);
        return;
      }
      setMessage(outcome.message);
    } catch (error) {
      setMessage(describeCeremonyError(error));
    }
    setBusy(false);
  }

  return (
    <div className="space-y-3">
      <FormAlert tone="error" message={message} />
      <button
        type="button"
        disabled={busy}
        onClick={() => void confirm()}
        className="inline-flex w-full items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
      >
        Use a passkey
      </button>
    </div>
  );
}
