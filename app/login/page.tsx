import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/messages";
import { LOGIN_FORM_ID } from "@/app/login/login-form";
import { LoginPageView } from "@/app/login/login-page-view";
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

  // Null when passkeys are off (lib/passkeys/relying-party.ts): no button, no autofill request.
  return (
    <LoginPageView
      next={nextPath}
      initialError={initialError}
      passkeyOptions={await passkeyAuthenticationOptions(null)}
      providers={<ProviderButtons actions={PROVIDER_SIGN_IN_ACTIONS} formId={LOGIN_FORM_ID} />}
    />
  );
}
