"use client";

import Link from "next/link";

/** Shown instead of a blank page when rendering fails; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-red-700 dark:text-red-400">Error</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The request could not be completed. Please try again in a moment.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 dark:ring-slate-600">
          Home page
        </Link>
      </div>
    </div>
  );
}
