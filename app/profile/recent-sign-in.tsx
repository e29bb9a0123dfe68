import type { ReactNode } from "react";
import Link from "next/link";
import type { CurrentSession } from "@/lib/auth/session";
import { reauthenticateUrlFor } from "@/lib/auth/login-url";
import { mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { ConfirmAddressFirst } from "@/components/confirm-address-first";
import { resendConfirmationAction } from "@/app/dashboard/actions";

/** A panel of the profile page. */
export const PANEL = "rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

/** In place of a form that needs a recent sign-in: the way to /reauthenticate. */
export function NeedsRecentSignIn({ task, passwordSet = true }: { task: string; passwordSet?: boolean }) {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {task} needs a recent sign-in.{" "}
      <Link
        href={reauthenticateUrlFor("/profile")}
        className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400"
      >
        {passwordSet ? "Confirm your password" : "Confirm it's you"}
      </Link>{" "}
      to continue.
    </p>
  );
}

interface AddingFormProps {
  session: CurrentSession;
  task: string;
  form: ReactNode;
  passwordSet: boolean;
}

/** The form that adds a sign-in method, once the address is confirmed and the sign-in is recent. */
export function AddingForm({ session, task, form, passwordSet }: AddingFormProps) {
  if (!mayAddSignInMethods(session.user)) {
    return <ConfirmAddressFirst email={session.user.email} resend={resendConfirmationAction} returnTo="/profile" />;
  }
  return session.fresh ? form : <NeedsRecentSignIn task={task} passwordSet={passwordSet} />;
}
