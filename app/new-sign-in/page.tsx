import type { Metadata } from "next";
import { findReportLink } from "@/lib/sign-in-alerts/report";
import { REPORT_LINK_INVALID_MESSAGE } from "@/lib/sign-in-alerts/messages";
import { describeOrigin } from "@/lib/request/describe-origin";
import { formatDateTime } from "@/lib/format";
import { PageCard } from "@/components/page-card";
import { InvalidLink } from "@/components/invalid-link";
import { SubmitButton } from "@/components/submit-button";

export const metadata: Metadata = { title: "This wasn't me" };

interface ReportSignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// "This wasn't me" from the new-sign-in mail. Opening the link changes
// nothing (mail scanners open links too): only the button's POST
// (app/new-sign-in/confirm/route.ts) signs everyone out. The token is in the
// address: next.config.ts sends this page with Referrer-Policy: strict-origin,
// and reading searchParams makes it dynamic (Cache-Control: no-store).
export default async function ReportSignInPage({ searchParams }: ReportSignInPageProps) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? await findReportLink(token) : null;
  return (
    <PageCard title="This wasn't me">
      {link ? (
        // Multipart, as middleware expects of every form posted to a page path (lib/security/page-post-body.ts).
        <form method="post" action="/new-sign-in/confirm" encType="multipart/form-data" className="space-y-5">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {link.device ? (
              <>
                Your account was signed in to on {formatDateTime(link.device.firstSeenAt)} from{" "}
                <strong>{describeOrigin(link.device.ip, link.device.userAgent)}</strong>.{" "}
              </>
            ) : (
              "Your account was signed in to from a browser it had not seen before. "
            )}
            If that was not you, sign everyone out of your account, you included; then you set a new password at once.
          </p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="danger">Sign everyone out and reset my password</SubmitButton>
        </form>
      ) : (
        <InvalidLink message={REPORT_LINK_INVALID_MESSAGE} retryHref="/forgot-password" retryLabel="Reset your password" />
      )}
    </PageCard>
  );
}
