import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { readPendingStep } from "@/lib/two-factor/login-challenge";
import { countPasskeys } from "@/lib/passkeys/store";
import { passkeysAvailable } from "@/lib/passkeys/relying-party";
import { PageCard } from "@/components/page-card";
import { ReauthenticateForm } from "@/app/reauthenticate/reauthenticate-form";
import { ReauthenticateCodeForm } from "@/app/reauthenticate/code-form";
import { PasskeyReauthenticateButton } from "@/app/reauthenticate/passkey-button";

export const metadata: Metadata = { title: "Confirm your password" };

interface ReauthenticatePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ReauthenticatePage({ searchParams }: ReauthenticatePageProps) {
  const next = safeNextPath((await searchParams).next) ?? "/dashboard";
  const session = await requireSession(`/reauthenticate?${new URLSearchParams({ next })}`);
  const pending = await readPendingStep("re-authentication");
  if (pending?.sessionId === session.id) {
    return (
      <PageCard title="Two-factor authentication">
        <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
          Password confirmed. Now enter the code from your authenticator app.
        </p>
        <ReauthenticateCodeForm next={next} />
      </PageCard>
    );
  }
  const hasPasskeys = passkeysAvailable() && (await countPasskeys(session.user.id)) > 0;
  return (
    <PageCard title="Confirm your password">
      <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
        This page needs a recent sign-in. Enter the password for <strong>{session.user.email}</strong> to continue.
      </p>
      <ReauthenticateForm next={next} email={session.user.email} />
      {hasPasskeys && (
        <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800">
          <PasskeyReauthenticateButton next={next} />
        </div>
      )}
    </PageCard>
  );
}
