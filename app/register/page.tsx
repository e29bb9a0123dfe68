import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { RegisterPageView } from "@/app/register/register-page-view";
import { ProviderButtons } from "@/components/sign-in/provider-buttons";
import { PROVIDER_SIGN_IN_ACTIONS } from "@/app/actions/provider-sign-in-actions";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return <RegisterPageView providers={<ProviderButtons actions={PROVIDER_SIGN_IN_ACTIONS} />} />;
}
