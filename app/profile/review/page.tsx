import type { Metadata } from "next";
import { requireFreshSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { reviewUrlFor } from "@/lib/account-review/landing";
import { accountInventory } from "@/lib/account-review/inventory";
import { describeDevice } from "@/lib/request/describe-device";
import { SubmitButton } from "@/components/submit-button";
import { ReviewSection } from "@/app/profile/review/review-section";
import { confirmAccountReviewAction } from "@/app/profile/review/actions";

export const metadata: Metadata = { title: "Review your account" };

interface ReviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Where the first sign-in after a password reset lands: whoever had the
 * account before the reset may have left a way back in, so the owner sees
 * each one, with when and where it was added, and removes what is not theirs.
 */
export default async function ReviewPage({ searchParams }: ReviewPageProps) {
  const next = safeNextPath((await searchParams).next);
  const session = await requireFreshSession(reviewUrlFor(next));
  const inventory = await accountInventory(session.user.id);
  const sessions = inventory.sessions.map((item) => ({ ...item, label: describeDevice(item.userAgent ?? "") }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Review your account</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Your password was reset. These can sign in to your account or act for it: remove anything you do not
          recognise. Only you, with your mailbox and your new password, can see this page.
        </p>
      </div>
      <ReviewSection title="Passkeys" kind="passkey" noun="passkey" items={inventory.passkeys} emptyText="No passkeys." next={next} />
      <ReviewSection title="API keys" kind="api_key" noun="API key" items={inventory.apiKeys} emptyText="No API keys." next={next} />
      <ReviewSection
        title="Authenticator app"
        kind="authenticator"
        items={inventory.authenticator ? [inventory.authenticator] : []}
        emptyText="No authenticator app."
        next={next}
      />
      <ReviewSection
        title="Sessions"
        kind="session"
        noun="session"
        items={sessions}
        emptyText="No other sessions."
        next={next}
        currentId={session.id}
      />
      <form action={confirmAccountReviewAction}>
        {next && <input type="hidden" name="next" value={next} />}
        <SubmitButton>Everything is mine</SubmitButton>
      </form>
    </div>
  );
}
