import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, describeAuditAction } from "@/lib/audit/actions";
import { auditFilterSchema, USER_SEARCH_MAX_LENGTH } from "@/lib/validation/admin";
import { AuditEventTable } from "@/components/audit-event-table";
import { TextField } from "@/components/text-field";

export const metadata: Metadata = { title: "Security log" };

const SHOWN = 100;

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AuditPage({ searchParams }: AuditPageProps) {
  const filter = auditFilterSchema.parse(await searchParams);
  const query = new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), email: filter.email });
  await requireAdmin(`/admin/audit?${query}`);
  const events = await listAuditEvents({
    actions: filter.action ? [filter.action] : undefined,
    email: filter.email || undefined,
    limit: SHOWN,
  });

  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin" className="text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          ← Admin
        </Link>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Security log</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          The latest {SHOWN} events matching the filter: sign-ins, sign-outs, password and key changes, lock-outs and
          admin actions. Passwords and keys are never recorded.
        </p>
      </div>
      <Form action="/admin/audit" role="search" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="filter-action" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Action
          </label>
          <select
            id="filter-action"
            name="action"
            defaultValue={filter.action ?? ""}
            className="block rounded-md border-0 bg-white px-3 py-2 text-slate-900 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600"
          >
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {describeAuditAction(action)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-64 flex-1">
          <TextField label="Email" name="email" defaultValue={filter.email} required={false} maxLength={USER_SEARCH_MAX_LENGTH} />
        </div>
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
        >
          Filter
        </button>
      </Form>
      <AuditEventTable events={events} showPeople showContext emptyText="No events match." />
    </div>
  );
}
