import type { Metadata } from "next";
import { isResetLinkUsable } from "@/lib/recovery/password-reset";
import { INVALID_LINK_MESSAGE } from "@/lib/recovery/messages";
import { PageCard } from "@/components/page-card";
import { InvalidLink } from "@/components/invalid-link";
import { ResetPasswordForm } from "@/app/reset-password/reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };

interface ResetPasswordPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The token is in the address: next.config.ts sends this page with
// Referrer-Policy: no-referrer, and reading searchParams makes it dynamic, so
// Next.js sends Cache-Control: no-store.
export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && (await isResetLinkUsable(token));
  return (
    <PageCard title="Set a new password">
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <InvalidLink message={INVALID_LINK_MESSAGE} retryHref="/forgot-password" retryLabel="Request a new link" />
      )}
    </PageCard>
  );
}
