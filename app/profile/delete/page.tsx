import type { Metadata } from "next";
import Link from "next/link";
import { requireFreshSession } from "@/lib/auth/session";
import { PageCard } from "@/components/page-card";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { deleteOwnAccountAction } from "@/app/profile/delete/actions";

export const metadata: Metadata = { title: "Delete account" };

export default async function DeleteAccountPage() {
  const session = await requireFreshSession("/profile/delete");
  return (
    <PageCard title="Delete account">
      <div className="mb-6 space-y-3 text-sm text-slate-700 dark:text-slate-300">
        <p>
          This deletes <strong>{session.user.email}</strong> for good: your profile, sessions, API keys, passkeys,
          two-factor settings and pending links. You are signed out and cannot sign in again. It cannot be undone.
        </p>
        <p>
          The security log keeps what happened to the account, under a pseudonym and without your address. Want a copy of
          your data first? Download it from your profile.
        </p>
      </div>
      <DeleteAccountForm action={deleteOwnAccountAction} button="Delete my account" />
      <p className="mt-6 text-center text-sm">
        <Link href="/profile" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Keep my account
        </Link>
      </p>
    </PageCard>
  );
}
