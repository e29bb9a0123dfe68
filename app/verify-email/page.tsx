import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentSession } from "@/lib/auth/session";
import { confirmEmail } from "@/lib/verification/email-verification";
import { EMAIL_IN_USE_MESSAGE } from "@/lib/verification/email-change";
import { INVALID_LINK_MESSAGE } from "@/lib/recovery/messages";
import { PageCard } from "@/components/page-card";
import { InvalidLink } from "@/components/invalid-link";

export const metadata: Metadata = { title: "Confirm your email address" };

interface VerifyEmailPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const CONFIRMED = {
  verified: "Your email address is confirmed.",
  changed: "Your email address is confirmed. Sign in with it from now on.",
} as const;

// Opening the mailed link is the confirmation, signed in or not: the link
// proves the mailbox, which is all it is meant to prove. The token is in the
// address, so next.config.ts sends this page with Referrer-Policy: no-referrer.
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  const session = await getCurrentSession();
  const outcome = await confirmEmail(token, session && { id: session.id, userId: session.user.id });
  const destination = session ? { href: "/dashboard", label: "Go to your dashboard" } : { href: "/login", label: "Sign in" };

  return (
    <PageCard title="Confirm your email address">
      {outcome.ok ? (
        <div className="space-y-4">
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900">
            {CONFIRMED[outcome.kind]}
          </p>
          <p className="text-sm">
            <Link href={destination.href} className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
              {destination.label}
            </Link>
          </p>
        </div>
      ) : (
        <InvalidLink
          message={outcome.reason === "email_taken" ? EMAIL_IN_USE_MESSAGE : INVALID_LINK_MESSAGE}
          retryHref={session ? "/dashboard" : "/login"}
          retryLabel={session ? "Go to your dashboard" : "Sign in to ask for a new link"}
        />
      )}
    </PageCard>
  );
}
