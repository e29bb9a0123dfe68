import type { Metadata } from "next";
import Link from "next/link";
import { requireFreshSession } from "@/lib/auth/session";
import { pendingEmailOf } from "@/lib/verification/email-change";
import { PageCard } from "@/components/page-card";
import { EmailChangeForm } from "@/app/profile/email/email-change-form";

export const metadata: Metadata = { title: "Change email" };

export default async function ChangeEmailPage() {
  const session = await requireFreshSession("/profile/email");
  const pending = await pendingEmailOf(session.user.id);
  return (
    <PageCard title="Change email">
      <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
        Your email is <strong>{session.user.email}</strong>. We will send a link to the new address; your email changes
        only when you open it.
        {pending && (
          <>
            {" "}
            A change to <strong>{pending}</strong> is waiting for confirmation; asking again replaces it.
          </>
        )}
      </p>
      <EmailChangeForm />
      <p className="mt-6 text-center text-sm">
        <Link href="/profile" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Back to your profile
        </Link>
      </p>
    </PageCard>
  );
}
