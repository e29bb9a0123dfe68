/** The centred card the sign-in and registration pages sit in. */
export function PageCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8 dark:bg-slate-900 dark:ring-slate-800">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
