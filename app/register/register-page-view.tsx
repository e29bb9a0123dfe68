import Link from "next/link";
import { PageCard } from "@/components/page-card";
import { RegisterForm } from "@/app/register/register-form";

/** The registration page's markup: rendered per request by app/register/page.tsx, at build by app/static/register/page.tsx. */
export function RegisterPageView({ providers }: { providers?: React.ReactNode }) {
  return (
    <PageCard title="Create account">
      <RegisterForm />
      {providers}
      <p className="mt-6 text-center text-sm text-slate-700 dark:text-slate-300">
        Already have an account?{" "}
        <Link href="/login" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </PageCard>
  );
}
