import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";

const FEATURES = [
  ["Accounts", "Register, sign in and sign out, with passwords hashed by bcrypt."],
  ["Protected pages", "Checked at the edge for speed and again next to the data, so nothing leaks."],
  ["Safe by default", "Same answer for unknown emails and wrong passwords; redirects only to this site."],
] as const;

const buttonBase = "rounded-md px-4 py-2.5 text-sm font-semibold shadow-sm";

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <div className="mx-auto max-w-3xl py-8 text-center">
      <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Sign-in that does it properly.</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        Latchkey is a complete user-authentication app for Next.js: accounts, sessions and protected pages, built on
        Auth.js and Prisma, ready to grow into your product.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        {user ? (
          <Link href="/dashboard" className={`${buttonBase} bg-indigo-600 text-white hover:bg-indigo-500`}>
            Go to dashboard
          </Link>
        ) : (
          <>
            <Link href="/register" className={`${buttonBase} bg-indigo-600 text-white hover:bg-indigo-500`}>
              Create account
            </Link>
            <Link
              href="/login"
              className={`${buttonBase} bg-white text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-white dark:ring-slate-600`}
            >
              Sign in
            </Link>
          </>
        )}
      </div>
      <ul className="mt-14 grid gap-4 text-left sm:grid-cols-3">
        {FEATURES.map(([title, text]) => (
          <li key={title} className="rounded-lg bg-white p-5 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
