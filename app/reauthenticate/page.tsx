import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { PageCard } from "@/components/page-card";
import { ReauthenticateForm } from "@/app/reauthenticate/reauthenticate-form";

export const metadata: Metadata = { title: "Confirm your password" };

interface ReauthenticatePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ReauthenticatePage({ searchParams }: ReauthenticatePageProps) {
  const next = safeNextPath((await searchParams).next) ?? "/dashboard";
  const session = await requireSession(`/reauthenticate?${new URLSearchParams({ next })}`);
  return (
    <PageCard title="Confirm your password">
      <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
        This page needs a recent sign-in. Enter the password for <strong>{session.user.email}</strong> to continue.
      </p>
      <ReauthenticateForm next={next} email={session.user.email} />
    </PageCard>
  );
}
