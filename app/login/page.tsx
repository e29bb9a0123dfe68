import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/messages";
import { PageCard } from "@/components/page-card";
import { LoginForm, LOGIN_FORM_ID } from "@/app/login/login-form";
import { ProviderButtons } from "@/components/sign-in/provider-buttons";
import { PROVIDER_SIGN_IN_ACTIONS } from "@/app/actions/provider-sign-in-actions";
import { FEDERATED_ERROR_MESSAGES } from "@/lib/federated/messages";
import { passkeyAuthenticationOptions } from "@/lib/passkeys/authentication";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends failed direct posts to its endpoint back here with ?error=.
const AUTH_ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: INVALID_CREDENTIALS_MESSAGE,
  MissingCSRF: "Your sign-in form expired. Please try again.",
  ...FEDERATED_ERROR_MESSAGES,
};

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  if (await getCurrentUser()) redirect("/dashboard");
  const { next, error } = await searchParams;
  const nextPath = safeNextPath(next) ?? undefined;
  const initialError = typeof error === "string" ? (AUTH_ERROR_MESSAGES[error] ?? "Sign-in failed. Please try again.") : undefined;

  return (
    <PageCard title="Sign in">
      {/* Null when passkeys are off (lib/passkeys/relying-party.ts): no button, no autofill request. */}
      <LoginForm next={nextPath} initialError={initialError} passkeyOptions={await passkeyAuthenticationOptions(null)} />
      <ProviderButtons actions={PROVIDER_SIGN_IN_ACTIONS} formId={LOGIN_FORM_ID} />
      <p className="mt-6 text-center text-sm text-slate-700 dark:text-slate-300">
        New here?{" "}
        <Link href="/register" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Create an account
        </Link>
      </p>
    </PageCard>
  );
}
