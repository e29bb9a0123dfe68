"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { signInAction, type LoginState } from "@/app/login/actions";
import { TextField } from "@/components/text-field";
import { SubmitButton } from "@/components/submit-button";
import { FormAlert } from "@/components/form-alert";
import { PasskeySignIn } from "@/app/login/passkey-sign-in";
import { passkeySignInOptionsAction } from "@/app/login/passkey-actions";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { IDLE, fieldErrorsOf, valuesOf } from "@/lib/form-state";

/** The "Sign in with …" buttons post this form (components/sign-in/provider-buttons.tsx). */
export const LOGIN_FORM_ID = "login-form";

/**
 * For the passkey autofill request (app/login/passkey-sign-in.tsx): null when
 * passkeys are off; "on-demand" on the prerendered page (app/static/login/),
 * which asks for them once it runs.
 */
export type PasskeyOptionsProp = PublicKeyCredentialRequestOptionsJSON | null | "on-demand";

interface LoginFormProps {
  next?: string;
  initialError?: string;
  passkeyOptions: PasskeyOptionsProp;
}

/** The options as given, or once fetched; null while they are not (yet) known. */
function usePasskeyOptions(given: PasskeyOptionsProp): PublicKeyCredentialRequestOptionsJSON | null {
  const [fetched, setFetched] = useState<PublicKeyCredentialRequestOptionsJSON | null>(null);
  useEffect(() => {
    if (given !== "on-demand") return;
    let cancelled = false;
    passkeySignInOptionsAction()
      .then((start) => !cancelled && start.ok && setFetched(start.options))
      .catch(() => {
        // No passkey offer then: the password form works all the same.
      });
    return () => {
      cancelled = true;
    };
  }, [given]);
  return given === "on-demand" ? fetched : given;
}

export function LoginForm({ next, initialError, passkeyOptions: given }: LoginFormProps) {
  const passkeyOptions = usePasskeyOptions(given);
  // The permalink keys the answer to a post made without JavaScript by the
  // form's address, not by its place in the tree: the page posted from may be
  // the prerendered twin (app/static/), the answer is rendered per request.
  const [state, formAction] = useActionState<LoginState, FormData>(
    signInAction,
    IDLE,
    next ? `/login?next=${encodeURIComponent(next)}` : "/login",
  );
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);
  const message = state.status === "error" ? state.message : initialError;

  return (
    <>
      <form id={LOGIN_FORM_ID} action={formAction} className="space-y-5" noValidate>
        <FormAlert tone="error" message={message} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete={passkeyOptions ? "username webauthn" : "username"}
          defaultValue={values.email}
          errors={errors.email}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          errors={errors.password}
        />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex items-center gap-2">
            <input
              id="field-remember"
              name="remember"
              type="checkbox"
              defaultChecked={values.remember === "on"}
              className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
            />
            <label htmlFor="field-remember" className="text-sm text-slate-800 dark:text-slate-200">
              Remember me
            </label>
          </div>
          <Link href="/forgot-password" className="text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
            Forgot your password?
          </Link>
        </div>
        <SubmitButton className="w-full">Sign in</SubmitButton>
      </form>
      {passkeyOptions && (
        <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800">
          <PasskeySignIn next={next} rememberFieldId="field-remember" autofillOptions={passkeyOptions} />
        </div>
      )}
    </>
  );
}
