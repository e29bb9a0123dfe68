/**
 * The one "Resend confirmation email" form: the page passes in the server
 * action behind it and, where the resend should come back to a page other
 * than the dashboard, that page's path.
 */
export function ResendConfirmationButton({
  resend,
  returnTo,
  className,
}: {
  resend: (formData: FormData) => Promise<void>;
  returnTo?: string;
  className?: string;
}) {
  return (
    <form action={resend} className={className}>
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <button
        type="submit"
        className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:bg-amber-900 dark:text-amber-50 dark:ring-amber-700 dark:hover:bg-amber-800"
      >
        Resend confirmation email
      </button>
    </form>
  );
}
