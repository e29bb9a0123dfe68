import type { Metadata } from "next";
import Link from "next/link";
import { requireSession, type CurrentSession } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/sessions/registry";
import { listIdentities } from "@/lib/linked-accounts/link";
import { configuredProviders } from "@/lib/federated/configured";
import { listApiKeys } from "@/lib/api-keys/registry";
import { listAuditEvents } from "@/lib/audit/queries";
import { hasTotpEnabled } from "@/lib/two-factor/totp-factor";
import { listPasskeys } from "@/lib/passkeys/store";
import { pendingEmailOf } from "@/lib/verification/email-change";
import { hasPassword } from "@/lib/users/queries";
import { AuditEventTable } from "@/components/audit-event-table";
import { UpdateNameForm } from "@/app/profile/profile-forms";
import { SessionList } from "@/app/profile/session-list";
import { ConnectedAccounts } from "@/app/profile/connected-accounts";
import { CreateApiKeyForm } from "@/app/profile/create-api-key-form";
import { ApiKeyList } from "@/app/profile/api-key-list";
import { PasswordSection } from "@/app/profile/password-section";
import { PasskeysSection, TwoFactorSection } from "@/app/profile/factor-sections";
import { YourDataSection } from "@/app/profile/data-section";
import { AddingForm, PANEL } from "@/app/profile/recent-sign-in";

export const metadata: Metadata = { title: "Profile" };

function ProfileHeading({ session, pendingEmail }: { session: CurrentSession; pendingEmail: string | null }) {
  return (
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
  );
}

export default async function ProfilePage() {
  const session = await requireSession("/profile");
  const userId = session.user.id;
  const [pendingEmail, sessions, apiKeys, events, totpOn, passkeys, identities, passwordSet] = await Promise.all([
    pendingEmailOf(userId),
    listActiveSessions(userId),
    listApiKeys(userId),
    listAuditEvents({ userId, limit: 10 }),
    hasTotpEnabled(userId),
    listPasskeys(userId),
    listIdentities(userId),
    hasPassword(userId),
  ]);
  const providers = configuredProviders();
  return (
    <div className="space-y-8">
      <ProfileHeading session={session} pendingEmail={pendingEmail} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={PANEL}>
          <h2 className="mb-4 text-lg font-semibold">Your name</h2>
          <UpdateNameForm currentName={session.user.name} />
        </section>
        <PasswordSection session={session} passwordSet={passwordSet} hasPasskeys={passkeys.length > 0} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <TwoFactorSection session={session} totpOn={totpOn} />
        <PasskeysSection session={session} passkeys={passkeys} passwordSet={passwordSet} />
      </div>
      {(providers.length > 0 || identities.length > 0) && (
        <section className={PANEL} aria-labelledby="connected-accounts-heading">
          <h2 id="connected-accounts-heading" className="mb-2 text-lg font-semibold">Connected accounts</h2>
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">Providers you can sign in with instead of your password.</p>
          <ConnectedAccounts identities={identities} configured={providers} />
        </section>
      )}
      <section className={PANEL}>
        <h2 className="mb-2 text-lg font-semibold">Active sessions</h2>
        <SessionList sessions={sessions} currentSessionId={session.id} />
      </section>
      <section className={PANEL} aria-labelledby="api-keys-heading">
        <h2 id="api-keys-heading" className="mb-2 text-lg font-semibold">API keys</h2>
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          For programs that call the API on your behalf: send a key in the <code>X-API-Key</code> header.
        </p>
        <div className="space-y-6">
          <AddingForm session={session} task="Creating an API key" form={<CreateApiKeyForm />} passwordSet={passwordSet} />
          <ApiKeyList keys={apiKeys} />
        </div>
      </section>
      <section className={PANEL}>
        <h2 className="mb-4 text-lg font-semibold">Recent security activity</h2>
        <AuditEventTable events={events} showPeople={false} showContext emptyText="Nothing yet." />
      </section>
      <YourDataSection />
    </div>
  );
}
