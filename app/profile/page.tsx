import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { requireSession, type CurrentSession } from "@/lib/auth/session";
import { reauthenticateUrlFor } from "@/lib/auth/login-url";
import { listActiveSessions } from "@/lib/sessions/registry";
import { ChangePasswordForm, UpdateNameForm } from "@/app/profile/profile-forms";
import { SessionList } from "@/app/profile/session-list";
import { ConnectedAccounts } from "@/app/profile/connected-accounts";
import { listIdentities } from "@/lib/linked-accounts/link";
import { configuredProviders } from "@/lib/federated/configured";
import { CreateApiKeyForm } from "@/app/profile/create-api-key-form";
import { ApiKeyList } from "@/app/profile/api-key-list";
import { listApiKeys } from "@/lib/api-keys/registry";
import { listAuditEvents } from "@/lib/audit/queries";
import { AuditEventTable } from "@/components/audit-event-table";
import { hasTotpEnabled } from "@/lib/two-factor/totp-factor";
import { listPasskeys } from "@/lib/passkeys/store";
import { passkeysAvailable, PASSKEYS_UNAVAILABLE_MESSAGE } from "@/lib/passkeys/relying-party";
import { AddPasskeyForm } from "@/app/profile/add-passkey-form";
import { PasskeyList } from "@/app/profile/passkey-list";
import { pendingEmailOf } from "@/lib/verification/email-change";
import { mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { ConfirmAddressFirst } from "@/components/confirm-address-first";
import { resendConfirmationAction } from "@/app/dashboard/actions";
import { requestPasswordSetupAction } from "@/app/profile/password-setup-actions";
import { SubmitButton } from "@/components/submit-button";
import { hasPassword } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Profile" };

const panel = "rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

function NeedsRecentSignIn({ task, passwordSet = true }: { task: string; passwordSet?: boolean }) {
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

/** The form that adds a sign-in method, once the address is confirmed and the sign-in is recent. */
function AddingForm({ session, task, form, passwordSet }: { session: CurrentSession; task: string; form: ReactNode; passwordSet: boolean }) {
  if (!mayAddSignInMethods(session.user)) {
    return <ConfirmAddressFirst email={session.user.email} resend={resendConfirmationAction} returnTo="/profile" />;
  }
  return session.fresh ? form : <NeedsRecentSignIn task={task} passwordSet={passwordSet} />;
}

export default async function ProfilePage() {
  const session = await requireSession("/profile");
  const [pendingEmail, sessions, apiKeys, events, totpOn, passkeys, identities, passwordSet] = await Promise.all([
    pendingEmailOf(session.user.id),
    listActiveSessions(session.user.id),
    listApiKeys(session.user.id),
    listAuditEvents({ userId: session.user.id, limit: 10 }),
    hasTotpEnabled(session.user.id),
    listPasskeys(session.user.id),
    listIdentities(session.user.id),
    hasPassword(session.user.id),
  ]);
  const providers = configuredProviders();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Profile</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {session.user.email}{" "}
          <span className="text-sm">({session.user.emailVerified ? "confirmed" : "not confirmed yet"})</span>
          {" · "}
          <Link href="/profile/email" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
            Change email
          </Link>
        </p>
        {pendingEmail && (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Waiting for confirmation: <strong>{pendingEmail}</strong>. Open the link we sent there to switch to it.
          </p>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={panel}>
          <h2 className="mb-4 text-lg font-semibold">
            Your name
          </h2>
          <UpdateNameForm currentName={session.user.name} />
        </section>
        {passwordSet ? (
          <section className={panel}>
            <h2 className="mb-4 text-lg font-semibold">
              Change password
            </h2>
            {session.fresh ? <ChangePasswordForm /> : <NeedsRecentSignIn task="Changing your password" />}
          </section>
        ) : (
          <section className={panel} aria-labelledby="set-password-heading">
            <h2 id="set-password-heading" className="mb-2 text-lg font-semibold">Set a password</h2>
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
              Your account has no password: you sign in with a provider{passkeys.length > 0 ? " or a passkey" : ""}. We
              can email you a link to set one, as for a reset; using it signs out every session.
            </p>
            {session.fresh ? (
              <form action={requestPasswordSetupAction}>
                <SubmitButton variant="secondary">Email me a link to set a password</SubmitButton>
              </form>
            ) : (
              <NeedsRecentSignIn task="Setting a password" passwordSet={false} />
            )}
          </section>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={panel} aria-labelledby="two-factor-heading">
          <h2 id="two-factor-heading" className="mb-2 text-lg font-semibold">Two-factor authentication</h2>
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            {totpOn
              ? "On: signing in with your password also asks for a code from your authenticator app."
              : "Off: add an authenticator app so a stolen password alone cannot sign in."}
          </p>
          {totpOn || mayAddSignInMethods(session.user) ? (
            <Link
              href="/profile/two-factor"
              className="text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400"
            >
              {totpOn ? "Manage two-factor authentication" : "Set up two-factor authentication"}
            </Link>
          ) : (
            <ConfirmAddressFirst email={session.user.email} resend={resendConfirmationAction} returnTo="/profile" />
          )}
        </section>
        <section className={panel} aria-labelledby="passkeys-heading">
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
      </div>
      {(providers.length > 0 || identities.length > 0) && (
        <section className={panel} aria-labelledby="connected-accounts-heading">
          <h2 id="connected-accounts-heading" className="mb-2 text-lg font-semibold">Connected accounts</h2>
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">Providers you can sign in with instead of your password.</p>
          <ConnectedAccounts identities={identities} configured={providers} />
        </section>
      )}
      <section className={panel}>
        <h2 className="mb-2 text-lg font-semibold">
          Active sessions
        </h2>
        <SessionList sessions={sessions} currentSessionId={session.id} />
      </section>
      <section className={panel} aria-labelledby="api-keys-heading">
        <h2 id="api-keys-heading" className="mb-2 text-lg font-semibold">API keys</h2>
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          For programs that call the API on your behalf: send a key in the <code>X-API-Key</code> header.
        </p>
        <div className="space-y-6">
          <AddingForm session={session} task="Creating an API key" form={<CreateApiKeyForm />} passwordSet={passwordSet} />
          <ApiKeyList keys={apiKeys} />
        </div>
      </section>
      <section className={panel}>
        <h2 className="mb-4 text-lg font-semibold">Recent security activity</h2>
        <AuditEventTable events={events} showPeople={false} showContext emptyText="Nothing yet." />
      </section>
      <section className={panel} aria-labelledby="your-data-heading">
        <h2 id="your-data-heading" className="mb-2 text-lg font-semibold">Your data</h2>
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          Download what your account holds and what happened to it, as a JSON file (no passwords, keys or codes). Both
          need a recent sign-in, and a download is mailed to you.
        </p>
        <div className="flex flex-wrap items-center gap-4">
          {/* A POST that answers with the file: no JavaScript needed, and no other site can start it. */}
          <form method="post" action="/profile/export" encType="multipart/form-data">
            <input type="hidden" name="format" value="json" />
            <button
              type="submit"
              className="rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
            >
              Download my data
            </button>
          </form>
          <Link href="/profile/delete" className="text-sm font-semibold text-red-700 hover:underline dark:text-red-400">
            Delete account
          </Link>
        </div>
      </section>
    </div>
  );
}
