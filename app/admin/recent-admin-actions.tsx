import { describeAuditAction } from "@/lib/audit/actions";
import type { AuditEventView, AuditPerson } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";

function Person({ person }: { person: AuditPerson | null }) {
  if (!person) return <span className="text-slate-600 dark:text-slate-400">Deleted user</span>;
  return (
    <>
      <span className="block font-medium">{person.name}</span>
      <span className="block break-all text-slate-600 dark:text-slate-400">{person.email}</span>
    </>
  );
}

export function RecentAdminActions({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No admin actions yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {["When", "Who", "Action", "Whom"].map((column) => (
              <th key={column} scope="col" className="py-2 pr-4 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
              <td className="py-2 pr-4">
                <Person person={event.actor} />
              </td>
              <td className="py-2 pr-4">{describeAuditAction(event.action)}</td>
              <td className="py-2 pr-4">
                <Person person={event.target} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
