import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { PageCard } from "@/components/page-card";
import { LoginForm } from "@/app/login/login-form";
import { passkeyAuthenticationOptions } from "@/lib/passkeys/authentication";
import { readPendingLink } from "@/lib/linked-accounts/pending";
import { providerName } from "@/lib/linked-accounts/link";

export const metadata: Metadata = { title: "Connect your account" };

/**
 * A provider's address belongs to an existing account: nothing is linked on
 * the provider's word. Signing in here to that account, the usual way, links
 * it (lib/linked-accounts/link.ts); the reset link is the way in for an owner whose
 * address someone else registered.
 */
export default async function LinkAccountPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  const pending = await readPendingLink();
  if (!pending) {
    return (
      <PageCard title="Connect your account">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          There is no sign-in provider waiting to be connected in this browser: it took longer than 10 minutes, or it is
          finished.{" "}
          <Link href="/login" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
            Sign in
          </Link>
          .
        </p>
      </PageCard>
    );
  }
  const name = providerName(pending.provider);
  return (
    <PageCard title="An account with this email already exists">
      <div className="mb-6 space-y-3 text-sm text-slate-700 dark:text-slate-300">
        <p>
          {name} says you are <strong>{pending.email}</strong>, and an account with this email already exists. To use {name}{" "}
          with it, sign in to that account first, the way you usually do. {name} is connected once you are in, and we let
          the account know by mail.
        </p>
        <p>Until then nothing is connected and you are not signed in.</p>
      </div>
      <LoginForm next={pending.next ?? undefined} passkeyOptions={await passkeyAuthenticationOptions(null)} />
    </PageCard>
  );
}
