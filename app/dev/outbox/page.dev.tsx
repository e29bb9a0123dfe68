import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { serverEnv } from "@/lib/env";
import { devOutboxMails } from "@/lib/mail/dev-outbox";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Outbox (development)" };

// Without SMTP_URL, `npm run dev` shows mail here instead of sending it, so a
// newcomer can follow a reset link with no mail server. Never in production:
// the `.dev.tsx` extension keeps it out of production builds (next.config.ts),
// and the check below covers a development build run with NODE_ENV=production.
export default async function DevOutboxPage() {
  // Read per request (the mails live in this process), never prerendered.
  await connection();
  if (serverEnv.isProduction) notFound();
  const mails = devOutboxMails();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Outbox</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {serverEnv.mail.smtpUrl
            ? "SMTP_URL is set, so mail is sent, not kept here."
            : "SMTP_URL is not set: mail is shown here (and in the server log) instead of being sent. Development only."}
        </p>
      </div>
      {mails.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">No mail yet.</p>
      ) : (
        <ol className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
              <article aria-label={mail.subject}>
                <h2 className="text-lg font-semibold">{mail.subject}</h2>
                <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                  To {mail.to}, {formatDateTime(mail.at)}
                </p>
                <pre className="mt-4 overflow-x-auto text-sm whitespace-pre-wrap">
                  {linkify(mail.text)}
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The plain-text part with its links clickable (only links to this app are in it). */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="font-semibold break-all text-indigo-700 underline dark:text-indigo-400">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
