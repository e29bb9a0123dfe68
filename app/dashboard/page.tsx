import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { DashboardView } from "@/components/dashboard-view";
import { EmailConfirmationNotice } from "@/components/email-confirmation-notice";
import { resendConfirmationAction } from "@/app/dashboard/actions";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return (
    <>
      {!user.emailVerified && <EmailConfirmationNotice email={user.email} resend={resendConfirmationAction} />}
      <DashboardView user={user} />
    </>
  );
}
