import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/sign-out-button";

const linkStyle =
  "rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";

/** `signOut`: the sign-out server action, passed in by the layout (components import nothing from app/). */
export async function SiteHeader({ signOut }: { signOut: (formData: FormData) => Promise<void> }) {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
            L
          </span>
          Latchkey
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-2">
          {user ? (
            <>
              <span className="px-2 text-sm text-slate-600 dark:text-slate-400" data-testid="nav-user-name">
                {user.name}
              </span>
              <Link href="/dashboard" className={linkStyle}>
                Dashboard
              </Link>
              <Link href="/profile" className={linkStyle}>
                Profile
              </Link>
              {/* Only a convenience: /admin itself refuses anyone else. */}
              {user.role === "ADMIN" && (
                <Link href="/admin" className={linkStyle}>
                  Admin
                </Link>
              )}
              <SignOutButton action={signOut} />
            </>
          ) : (
            <>
              <Link href="/login" className={linkStyle}>
                Sign in
              </Link>
              <Link href="/register" className={linkStyle}>
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
