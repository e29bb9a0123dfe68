import Link from "next/link";
import type { CurrentSession } from "@/lib/auth/session";
import { passkeysAvailable, PASSKEYS_UNAVAILABLE_MESSAGE } from "@/lib/passkeys/relying-party";
import { mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { ConfirmAddressFirst } from "@/components/confirm-address-first";
import { resendConfirmationAction } from "@/app/dashboard/actions";
import { AddPasskeyForm } from "@/app/profile/add-passkey-form";
import { PasskeyList } from "@/app/profile/passkey-list";
import { AddingForm, PANEL } from "@/app/profile/recent-sign-in";

export function TwoFactorSection({ session, totpOn }: { session: CurrentSession; totpOn: boolean }) {
  return (
    <section className={PANEL} aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading" className="mb-2 text-lg font-semibold">Two-factor authentication</h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        {totpOn
          ? "On: signing in with your password also asks for a code from your authenticator app."
          : "Off: add an authenticator app so a stolen password alone cannot sign in."}
      </p>
      {totpOn || mayAddSignInMethods(session.user) ? (
        <Link href="/profile/two-factor" className="text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          {totpOn ? "Manage two-factor authentication" : "Set up two-factor authentication"}
        </Link>
      ) : (
        <ConfirmAddressFirst email={session.user.email} resend={resendConfirmationAction} returnTo="/profile" />
      )}
    </section>
  );
}

interface PasskeysSectionProps {
  session: CurrentSession;
  passkeys: Parameters<typeof PasskeyList>[0]["passkeys"];
  passwordSet: boolean;
}

export function PasskeysSection({ session, passkeys, passwordSet }: PasskeysSectionProps) {
  return (
    <section className={PANEL} aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading" className="mb-2 text-lg font-semibold">Passkeys</h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        Sign in with your device&apos;s screen lock instead of a password and code.
      </p>
      <div className="space-y-6">
        {/* Off without AUTH_URL in production; passkeys made before can still be removed. */}
        {passkeysAvailable() ? (
          <AddingForm session={session} task="Adding a passkey" form={<AddPasskeyForm />} passwordSet={passwordSet} />
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">{PASSKEYS_UNAVAILABLE_MESSAGE}</p>
        )}
        <PasskeyList passkeys={passkeys} />
      </div>
    </section>
  );
}
