import type { Metadata } from "next";
import { getCurrentSession } from "@/lib/auth/session";
import { isEmailLinkUsable } from "@/lib/verification/email-verification";
import { PageCard } from "@/components/page-card";
import { ConfirmEmailForm } from "@/app/verify-email/confirm-email-form";

export const metadata: Metadata = { title: "Confirm your email address" };

interface VerifyEmailPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Opening the link only looks the token up: mail scanners and link previews
// fetch links, and must not confirm anything (or spend the link). The button's
// POST does (app/verify-email/actions.ts). The token is in the address, so
// next.config.ts sends this page with Referrer-Policy: strict-origin (no
// Referer carries more than the origin), and reading searchParams makes it
// dynamic (Cache-Control: no-store).
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && (await isEmailLinkUsable(token));
  const session = await getCurrentSession();

  return (
    <PageCard title="Confirm your email address">
      <ConfirmEmailForm token={typeof token === "string" ? token : ""} usable={usable} signedIn={session !== null} />
    </PageCard>
  );
}
