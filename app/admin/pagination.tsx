import Link from "next/link";
import { adminUsersUrl } from "@/lib/admin/urls";

const linkStyle = "rounded-md px-3 py-1.5 font-semibold text-indigo-700 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-slate-800";

export function Pagination({ page, pageCount, q }: { page: number; pageCount: number; q: string }) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        Page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={adminUsersUrl({ page: page - 1, q })} className={linkStyle}>
            Previous page
          </Link>
        )}
        {page < pageCount && (
          <Link href={adminUsersUrl({ page: page + 1, q })} className={linkStyle}>
            Next page
          </Link>
        )}
      </div>
    </nav>
  );
}
