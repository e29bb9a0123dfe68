import { describeAuditAction } from "@/lib/audit/actions";
import type { AuditEventView, AuditPerson } from "@/lib/audit/queries";
import { describeDevice } from "@/lib/request/describe-device";
import { formatDateTime } from "@/lib/format";

function Person({ person }: { person: AuditPerson | null }) {
  if (!person) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <>
      <span className="block font-medium">{person.name}</span>
      <span className="block break-all text-slate-600 dark:text-slate-400">{person.email}</span>
    </>
  );
}

interface AuditEventTableProps {
  events: AuditEventView[];
  /** Who acted and on whom: for admins; a user's own log leaves them out. */
  showPeople: boolean;
  /** Also show the detail, address and device of each event. */
  showContext: boolean;
  emptyText: string;
}

/** Audit events as a table, newest first, never anything secret (the log holds none). */
export function AuditEventTable({ events, showPeople, showContext, emptyText }: AuditEventTableProps) {
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{emptyText}</p>;
  const columns = [
    "When",
    ...(showPeople ? ["Who"] : []),
    "Action",
    ...(showPeople ? ["Whom"] : []),
    ...(showContext ? ["Detail", "From"] : []),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {columns.map((column) => (
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
              {showPeople && (
                <td className="py-2 pr-4">
                  <Person person={event.actor} />
                </td>
              )}
              <td className="py-2 pr-4">{describeAuditAction(event.action)}</td>
              {showPeople && (
                <td className="py-2 pr-4">
                  <Person person={event.target} />
                </td>
              )}
              {showContext && (
                <>
                  <td className="py-2 pr-4 break-all">{event.detail ?? ""}</td>
                  <td className="py-2 pr-4">
                    <span className="block">{event.ip ?? "Unknown address"}</span>
                    <span className="block text-slate-600 dark:text-slate-400">
                      {describeDevice(event.userAgent ?? "")}
                    </span>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
