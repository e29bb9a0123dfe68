import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-red-700 dark:text-red-400">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Access denied</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">Your account does not have permission to see this page.</p>
      <Link
        href="/dashboard"
        className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
      >
        Back to your dashboard
      </Link>
    </div>
  );
}
