import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { PageCard } from "@/components/page-card";
import { RegisterForm } from "@/app/register/register-form";
import { ProviderButtons } from "@/components/sign-in/provider-buttons";
import { PROVIDER_SIGN_IN_ACTIONS } from "@/app/actions/provider-sign-in-actions";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <PageCard title="Create account">
      <RegisterForm />
      <ProviderButtons actions={PROVIDER_SIGN_IN_ACTIONS} />
      <p className="mt-6 text-center text-sm text-slate-700 dark:text-slate-300">
        Already have an account?{" "}
        <Link href="/login" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </PageCard>
  );
}
