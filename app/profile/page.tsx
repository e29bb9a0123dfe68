import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/auth/session";
import { reauthenticateUrlFor } from "@/lib/auth/login-url";
import { listActiveSessions } from "@/lib/sessions/registry";
import { ChangePasswordForm, UpdateNameForm } from "@/app/profile/profile-forms";
import { SessionList } from "@/app/profile/session-list";
import { CreateApiKeyForm } from "@/app/profile/create-api-key-form";
import { ApiKeyList } from "@/app/profile/api-key-list";
import { listApiKeys } from "@/lib/api-keys/registry";
import { listAuditEvents } from "@/lib/audit/queries";
import { AuditEventTable } from "@/components/audit-event-table";
import { pendingEmailOf } from "@/lib/verification/email-change";

export const metadata: Metadata = { title: "Profile" };

const panel = "rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

function NeedsRecentSignIn({ task }: { task: string }) {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {task} needs a recent sign-in.{" "}
      <Link
        href={reauthenticateUrlFor("/profile")}
        className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400"
      >
        Confirm your password
      </Link>{" "}
      to continue.
    </p>
  );
}

export default async function ProfilePage() {
  const session = await requireSession("/profile");
  const [pendingEmail, sessions, apiKeys, events] = await Promise.all([
    pendingEmailOf(session.user.id),
    listActiveSessions(session.user.id),
    listApiKeys(session.user.id),
    listAuditEvents({ userId: session.user.id, limit: 10 }),
  ]);
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
        <section className={panel}>
          <h2 className="mb-4 text-lg font-semibold">
            Change password
          </h2>
          {session.fresh ? <ChangePasswordForm /> : <NeedsRecentSignIn task="Changing your password" />}
        </section>
      </div>
      <section className={panel}>
        <h2 className="mb-2 text-lg font-semibold">
          Active sessions
        </h2>
        <SessionList sessions={sessions} currentSessionId={session.id} />
      </section>
      <section className={panel}>
        <h2 className="mb-2 text-lg font-semibold">API keys</h2>
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          For programs that call the API on your behalf: send a key in the <code>X-API-Key</code> header.
        </p>
        <div className="space-y-6">
          {session.fresh ? <CreateApiKeyForm /> : <NeedsRecentSignIn task="Creating an API key" />}
          <ApiKeyList keys={apiKeys} />
        </div>
      </section>
      <section className={panel}>
        <h2 className="mb-4 text-lg font-semibold">Recent security activity</h2>
        <AuditEventTable events={events} showPeople={false} showContext emptyText="Nothing yet." />
      </section>
    </div>
  );
}
