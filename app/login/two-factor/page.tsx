import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { readPendingStep } from "@/lib/two-factor/login-challenge";
import { PageCard } from "@/components/page-card";
import { SecondFactorForm } from "@/app/login/two-factor/second-factor-form";
import { providerName } from "@/lib/linked-accounts/link";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function TwoFactorLoginPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  const pending = await readPendingStep("sign-in");
  return (
    <PageCard title="Two-factor authentication">
      {pending ? (
        <>
          <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
            {pending.provider ? `You signed in with ${providerName(pending.provider)}.` : "Your password was right."} Now enter the
            code from your authenticator app.
          </p>
          <SecondFactorForm />
        </>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          There is no sign-in waiting for a code in this browser: it took longer than 5 minutes, or it is finished.{" "}
          <Link href="/login" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
            Sign in again
          </Link>
          .
        </p>
      )}
    </PageCard>
  );
}
