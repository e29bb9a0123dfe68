import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { listUsers } from "@/lib/admin/list-users";
import { adminUsersUrl } from "@/lib/admin/urls";
import { listAuditEvents } from "@/lib/audit/queries";
import { ADMIN_ACTIONS } from "@/lib/audit/actions";
import { userListSchema } from "@/lib/validation/admin";
import { UserSearch } from "@/app/admin/user-search";
import { UserTable } from "@/app/admin/user-table";
import { Pagination } from "@/app/admin/pagination";
import { AuditEventTable } from "@/components/audit-event-table";
import Link from "next/link";

export const metadata: Metadata = { title: "Admin" };

interface AdminPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminPage({ searchParams }: AdminPageProps) {
  const params = userListSchema.parse(await searchParams);
  const session = await requireAdmin(adminUsersUrl(params));
  const [list, events] = await Promise.all([listUsers(params), listAuditEvents({ actions: ADMIN_ACTIONS, limit: 10 })]);
  // Past the last page the list shows the last one; links and actions follow it.
  const shown = { page: list.page, q: params.q };
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {list.total === 1 ? "1 user" : `${list.total} users`}
          {params.q && ` matching “${params.q}”`}
        </p>
      </div>
      <UserSearch q={params.q} />
      <div className="space-y-4">
        <UserTable users={list.users} actorId={session.user.id} list={shown} />
        <Pagination page={list.page} pageCount={list.pageCount} q={params.q} />
      </div>
      <section
        aria-labelledby="recent-admin-actions"
        className="rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
      >
        <h2 id="recent-admin-actions" className="mb-4 text-lg font-semibold">
          Recent admin actions
        </h2>
        <AuditEventTable events={events} showPeople showContext={false} emptyText="No admin actions yet." />
        <Link
          href="/admin/audit"
          className="mt-4 inline-block text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400"
        >
          Open the security log
        </Link>
      </section>
    </div>
  );
}
