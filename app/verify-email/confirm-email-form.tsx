"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmEmailAction, type ConfirmEmailState } from "@/app/verify-email/actions";
import { SubmitButton } from "@/components/submit-button";
import { InvalidLink } from "@/components/invalid-link";
import { INVALID_LINK_MESSAGE } from "@/lib/recovery/messages";
import { retryOf } from "@/app/verify-email/retry";

const IDLE: ConfirmEmailState = { status: "idle" };

interface ConfirmEmailFormProps {
  token: string;
  /** What the page's read-only lookup found: whether the link still deserves the button. */
  usable: boolean;
  signedIn: boolean;
}

/**
 * One button: a GET of the link (a mail scanner's prefetch) confirms nothing,
 * this POST does. Without JavaScript the POST renders the page again, whose
 * lookup then finds the link used: the action's answer wins over it.
 */
export function ConfirmEmailForm({ token, usable, signedIn }: ConfirmEmailFormProps) {
  const [state, formAction] = useActionState(confirmEmailAction, IDLE);

  if (state.status === "idle" && !usable) return <InvalidLink message={INVALID_LINK_MESSAGE} {...retryOf(signedIn)} />;
  if (state.status === "refused") return <InvalidLink message={state.message} {...retryOf(state.signedIn)} />;
  if (state.status === "confirmed") {
    const destination = state.signedIn ? { href: "/dashboard", label: "Go to your dashboard" } : { href: "/login", label: "Sign in" };
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900">
          {state.message}
        </p>
        <p className="text-sm">
          <Link href={destination.href} className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
            {destination.label}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700 dark:text-slate-300">Confirm that this address is yours to finish.</p>
      <SubmitButton className="w-full">Confirm email address</SubmitButton>
    </form>
  );
}
