import { ResendConfirmationButton } from "@/components/resend-confirmation-button";
import { CONFIRM_ADDRESS_FIRST_MESSAGE } from "@/lib/verification/confirmed-address";

/**
 * Takes the place of a form that adds a sign-in method while the account's
 * address is not confirmed. The page passes in the resend action
 * (app/dashboard/actions.ts) and where it should come back to.
 */
export function ConfirmAddressFirst({
  email,
  resend,
  returnTo,
}: {
  email: string;
  resend: (formData: FormData) => Promise<void>;
  returnTo: string;
}) {
  return (
    <div className="space-y-3 rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900">
      <p>
        {CONFIRM_ADDRESS_FIRST_MESSAGE} It went to <strong>{email}</strong>.
      </p>
      <ResendConfirmationButton resend={resend} returnTo={returnTo} />
    </div>
  );
}
