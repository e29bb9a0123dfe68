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
import { ProviderReauthenticateButtons } from "@/app/reauthenticate/provider-buttons";
import { hasPassword } from "@/lib/users/queries";
import { listIdentities, providerName } from "@/lib/linked-accounts/link";
import { configuredProviders } from "@/lib/federated/configured";

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
          {pending.provider ? `${providerName(pending.provider)} confirmed it's you.` : "Password confirmed."} Now enter the code
          from your authenticator app.
        </p>
        <ReauthenticateCodeForm next={next} />
      </PageCard>
    );
  }
  const hasPasskeys = passkeysAvailable() && (await countPasskeys(session.user.id)) > 0;
  if (!(await hasPassword(session.user.id))) {
    const linked = new Set((await listIdentities(session.user.id)).map((identity) => identity.provider));
    const providers = configuredProviders().filter((provider) => linked.has(provider.id));
    return (
      <PageCard title="Confirm it's you">
        <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
          This page needs a recent sign-in. Your account <strong>{session.user.email}</strong> has no password: sign in
          again the way you usually do.
        </p>
        <ProviderReauthenticateButtons providers={providers} next={next} />
        {hasPasskeys && (
          <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800">
            <PasskeyReauthenticateButton next={next} />
          </div>
        )}
        {providers.length === 0 && !hasPasskeys && (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            None of your sign-in methods is available on this server right now. Ask an administrator for help.
          </p>
        )}
      </PageCard>
    );
  }
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
