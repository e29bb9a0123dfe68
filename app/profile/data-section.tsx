import Link from "next/link";
import { PANEL } from "@/app/profile/recent-sign-in";

/** Download the account's data, or delete it: both need a recent sign-in (asked on their own pages). */
export function YourDataSection() {
  return (
    <section className={PANEL} aria-labelledby="your-data-heading">
      <h2 id="your-data-heading" className="mb-2 text-lg font-semibold">Your data</h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        Download what your account holds and what happened to it, as a JSON file (no passwords, keys or codes). Both
        need a recent sign-in, and a download is mailed to you.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {/* A POST that answers with the file: no JavaScript needed, and no other site can start it. */}
        <form method="post" action="/profile/export" encType="multipart/form-data">
          <input type="hidden" name="format" value="json" />
          <button
            type="submit"
            className="rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
          >
            Download my data
          </button>
        </form>
        <Link href="/profile/delete" className="text-sm font-semibold text-red-700 hover:underline dark:text-red-400">
          Delete account
        </Link>
      </div>
    </section>
  );
}
