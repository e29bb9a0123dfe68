import { ResendConfirmationButton } from "@/components/resend-confirmation-button";

/**
 * Shown to a signed-in user whose address is not confirmed yet. The page
 * passes in the server action behind the resend button.
 */
export function EmailConfirmationNotice({ email, resend }: { email: string; resend: (formData: FormData) => Promise<void> }) {
  return (
    <section
      aria-labelledby="confirm-email-heading"
      className="mb-8 rounded-lg bg-amber-50 p-5 ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-900"
    >
      <h2 id="confirm-email-heading" className="font-semibold text-amber-900 dark:text-amber-100">
        Please confirm your email address
      </h2>
      <p className="mt-1 text-sm text-amber-900 dark:text-amber-100">
        We sent a link to <strong>{email}</strong>. Open it to confirm that the address is yours, so you can get back in if
        you forget your password.
      </p>
      <ResendConfirmationButton resend={resend} className="mt-3" />
    </section>
  );
}
