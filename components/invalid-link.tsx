import Link from "next/link";

/** What a used, expired or unknown mailed link shows: no form, a way to get a new link. */
export function InvalidLink({ message, retryHref, retryLabel }: { message: string; retryHref: string; retryLabel: string }) {
  return (
    <div className="space-y-4">
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900">
        {message}
      </p>
      <p className="text-sm">
        <Link href={retryHref} className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          {retryLabel}
        </Link>
      </p>
    </div>
  );
}
