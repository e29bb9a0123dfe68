"use client";

import { useEffect, useState } from "react";
import {
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { passkeySignInAction, passkeySignInOptionsAction } from "@/app/login/passkey-actions";
import { describeCeremonyError } from "@/components/passkeys/passkey-outcome";
import { FormAlert } from "@/components/form-alert";

const secondaryButton =
  "inline-flex w-full items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700";

interface PasskeySignInProps {
  next?: string;
  /** The "Remember me" checkbox of the password form, read at the moment of signing in. */
  rememberFieldId: string;
  /**
   * Options (with a challenge) for the autofill request, made with the page,
   * so the request is out as soon as the page runs, without another round trip.
   */
  autofillOptions: PublicKeyCredentialRequestOptionsJSON;
}

function rememberChecked(id: string): boolean {
  return (document.getElementById(id) as HTMLInputElement | null)?.checked === true;
}

/**
 * "Sign in with a passkey", and the same offered in the email field's
 * autofill (conditional mediation) where the browser supports it. The button
 * asks a server action for a fresh challenge; another one verifies the answer
 * and says where to go.
 */
export function PasskeySignIn({ next, rememberFieldId, autofillOptions }: PasskeySignInProps) {
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Shown as data-autofill for tests (and debugging): whether the autofill request is out.
  const [autofill, setAutofill] = useState<"checking" | "waiting" | "unsupported">("checking");

  async function signIn(optionsJSON: PublicKeyCredentialRequestOptionsJSON, autofill: boolean) {
    const response = await startAuthentication({ optionsJSON, useBrowserAutofill: autofill });
    setBusy(true);
    const outcome = await passkeySignInAction(JSON.stringify(response), next, rememberChecked(rememberFieldId));
    if (outcome.ok) {
      window.location.assign(outcome.redirectTo);
      return;
    }
    setBusy(false);
    setMessage(outcome.message);
  }

  useEffect(() => {
    let cancelled = false;
    void browserSupportsWebAuthnAutofill().then((supported) => {
      if (cancelled) return;
      setAutofill(supported ? "waiting" : "unsupported");
      if (!supported) return;
      // Waits, unseen, until the person picks a passkey from the email field's suggestions.
      signIn(autofillOptions, true).catch(() => {
        // Aborted (by the button below, or leaving the page): nothing to say.
      });
    });
    return () => {
      cancelled = true;
      WebAuthnAbortService.cancelCeremony();
    };
    // Once per page view; the handler reads the latest props when it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="space-y-3" data-autofill={autofill}>
      <FormAlert tone="error" message={message} />
      <button
        type="button"
        disabled={busy}
        className={secondaryButton}
        onClick={() => {
          setMessage(undefined);
          passkeySignInOptionsAction()
            .then((start) => (start.ok ? signIn(start.options, false) : setMessage(start.message)))
            .catch((error: unknown) => {
              setBusy(false);
              setMessage(describeCeremonyError(error));
            });
        }}
      >
        Sign in with a passkey
      </button>
    </div>
  );
}
