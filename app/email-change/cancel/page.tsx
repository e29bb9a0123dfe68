import type { Metadata } from "next";
import { findCancelLink } from "@/lib/verification/email-change-cancel";
import { CANCEL_LINK_INVALID_MESSAGE } from "@/lib/recovery/messages";
import { PageCard } from "@/components/page-card";
import { InvalidLink } from "@/components/invalid-link";
import { SubmitButton } from "@/components/submit-button";

export const metadata: Metadata = { title: "Cancel the email change" };

interface CancelEmailChangePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Opening the link changes nothing (mail scanners open links too): only the
// button's POST (app/email-change/cancel/confirm/route.ts) cancels. The token is in the address: next.config.ts sends
// this page with Referrer-Policy: no-referrer, and reading searchParams makes
// it dynamic, so Next.js sends Cache-Control: no-store.
export default async function CancelEmailChangePage({ searchParams }: CancelEmailChangePageProps) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? await findCancelLink(token) : null;
  return (
    <PageCard title="Cancel the email change">
      {link ? (
        // Multipart, as middleware expects of every form posted to a page path (lib/security/page-post-body.ts).
        <form method="post" action="/email-change/cancel/confirm" encType="multipart/form-data" className="space-y-5">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Someone signed in to your account asked to move it to <strong>{link.newEmail}</strong>. Cancelling stops
            the change and signs everyone out of your account, you included; then you set a new password.
          </p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="danger">Cancel the email change</SubmitButton>
        </form>
      ) : (
        <InvalidLink message={CANCEL_LINK_INVALID_MESSAGE} retryHref="/forgot-password" retryLabel="Reset your password" />
      )}
    </PageCard>
  );
}
