import { formatDate, formatDateTime } from "@/lib/format";
import type { PublicUser } from "@/lib/users/public-user";

/** The dashboard's markup, shared with its no-auth twin in benchmark builds. */
export function DashboardView({ user }: { user: PublicUser }) {
  const details = [
    ["Name", user.name],
    ["Email", user.email],
    ["Member since", formatDate(user.createdAt)],
    ["Last sign-in", user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "This is your first sign-in"],
  ] as const;

  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading" className="text-3xl font-bold tracking-tight">
        Dashboard
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Signed in as {user.name}.</p>
      <dl className="mt-8 grid gap-4 sm:grid-cols-2">
        {details.map(([term, value]) => (
          <div key={term} className="rounded-lg bg-white p-5 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
            <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{term}</dt>
            <dd className="mt-1 break-words text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
