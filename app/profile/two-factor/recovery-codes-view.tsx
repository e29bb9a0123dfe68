"use client";

import Link from "next/link";
import { recoveryCodesFile } from "@/lib/two-factor/recovery-codes-file";

const secondaryButton =
  "rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700";

/** A set of recovery codes, shown once: one per list item, and as a text file to keep. */
export function RecoveryCodesView({ codes, appName, email }: { codes: string[]; appName: string; email: string }) {
  function download() {
    const text = recoveryCodesFile(codes, appName, email, new Date());
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${appName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-recovery-codes.txt`;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <section aria-labelledby="recovery-codes-heading" className="space-y-4">
      <h2 id="recovery-codes-heading" className="text-lg font-semibold">
        Recovery codes
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Save these somewhere safe now: they will not be shown again. Each code signs you in once if you lose your
        authenticator app.
      </p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1 dark:bg-slate-800">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={download} className={secondaryButton}>
          Download codes
        </button>
        <Link href="/profile/two-factor" className="text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          I have saved my codes
        </Link>
      </div>
    </section>
  );
}
