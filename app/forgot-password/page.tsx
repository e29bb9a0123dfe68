import type { Metadata } from "next";
import Link from "next/link";
import { PageCard } from "@/components/page-card";
import { ForgotPasswordForm } from "@/app/forgot-password/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <PageCard title="Forgot your password?">
      <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
        Enter the email address of your account and we will send you a link to set a new password.
      </p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm text-slate-700 dark:text-slate-300">
        Remembered it?{" "}
        <Link href="/login" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </PageCard>
  );
}
