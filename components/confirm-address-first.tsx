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
      <form action={resend}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <button
          type="submit"
          className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:bg-amber-900 dark:text-amber-50 dark:ring-amber-700 dark:hover:bg-amber-800"
        >
          Resend confirmation email
        </button>
      </form>
    </div>
  );
}
