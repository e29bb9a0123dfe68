import Link from "next/link";
import { PageCard } from "@/components/page-card";
import { LoginForm, type PasskeyOptionsProp } from "@/app/login/login-form";

interface LoginPageViewProps {
  next?: string;
  initialError?: string;
  passkeyOptions: PasskeyOptionsProp;
  /** The "Sign in with …" buttons (components/sign-in/provider-buttons.tsx). */
  providers?: React.ReactNode;
}

/** The sign-in page's markup: rendered per request by app/login/page.tsx, at build by app/static/login/page.tsx. */
export function LoginPageView({ next, initialError, passkeyOptions, providers }: LoginPageViewProps) {
  return (
    <PageCard title="Sign in">
      <LoginForm next={next} initialError={initialError} passkeyOptions={passkeyOptions} />
      {providers}
      <p className="mt-6 text-center text-sm text-slate-700 dark:text-slate-300">
        New here?{" "}
        <Link href="/register" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Create an account
        </Link>
      </p>
    </PageCard>
  );
}
