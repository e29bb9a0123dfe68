import type { CurrentSession } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/app/profile/profile-forms";
import { requestPasswordSetupAction } from "@/app/profile/password-setup-actions";
import { NeedsRecentSignIn, PANEL } from "@/app/profile/recent-sign-in";
import { SubmitButton } from "@/components/submit-button";

interface PasswordSectionProps {
  session: CurrentSession;
  passwordSet: boolean;
  hasPasskeys: boolean;
}

/** "Change password", or for an account made through a provider "Set a password" (a mailed link, as a reset). */
export function PasswordSection({ session, passwordSet, hasPasskeys }: PasswordSectionProps) {
  if (passwordSet) {
    return (
      <section className={PANEL}>
        <h2 className="mb-4 text-lg font-semibold">Change password</h2>
        {session.fresh ? <ChangePasswordForm /> : <NeedsRecentSignIn task="Changing your password" />}
      </section>
    );
  }
  return (
    <section className={PANEL} aria-labelledby="set-password-heading">
      <h2 id="set-password-heading" className="mb-2 text-lg font-semibold">Set a password</h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        Your account has no password: you sign in with a provider{hasPasskeys ? " or a passkey" : ""}. We can email you
        a link to set one, as for a reset; using it signs out every session.
      </p>
      {session.fresh ? (
        <form action={requestPasswordSetupAction}>
          <SubmitButton variant="secondary">Email me a link to set a password</SubmitButton>
        </form>
      ) : (
        <NeedsRecentSignIn task="Setting a password" passwordSet={false} />
      )}
    </section>
  );
}
