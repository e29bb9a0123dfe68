import Link from "next/link";
import { ConfirmChange } from "@/app/admin/confirm-change";
import { changesFor } from "@/lib/admin/changes";
import { formatDate, formatDateTime } from "@/lib/format";
import type { AdminUserRow } from "@/lib/admin/list-users";
import type { UserListParams } from "@/lib/validation/admin";

const COLUMNS = ["Name", "Email", "Email status", "Role", "Active", "Two-factor", "Sign-in providers", "Created", "Last sign-in", "Actions"];

interface UserTableProps {
  users: AdminUserRow[];
  actorId: string;
  list: UserListParams;
}

export function UserTable({ users, actorId, list }: UserTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-4 text-left text-lg font-semibold">Users</caption>
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-medium whitespace-nowrap">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {users.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="px-4 py-6 text-slate-600 dark:text-slate-400">
                No users match.
              </td>
            </tr>
          )}
          {users.map((user) => (
            <tr key={user.id}>
              <td className="px-4 py-3 font-medium break-words">{user.name}</td>
              <td className="px-4 py-3 break-all">{user.email}</td>
              <td className="px-4 py-3">{user.emailVerified ? "Confirmed" : "Unconfirmed"}</td>
              <td className="px-4 py-3">{user.role === "ADMIN" ? "Admin" : "User"}</td>
              <td className="px-4 py-3">{user.active ? "Yes" : "No"}</td>
              <td className="px-4 py-3">{user.twoFactor ? "On" : "Off"}</td>
              <td className="px-4 py-3">{user.providers.length > 0 ? user.providers.join(", ") : "None"}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(user.createdAt)}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"}
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  {user.id === actorId && <span className="text-slate-600 dark:text-slate-400">You</span>}
                  {changesFor(user, actorId).map((change) => (
                    // Keyed by change: once applied, the row offers the
                    // opposite change instead, so this one (and its open
                    // dialog) unmounts rather than staying open.
                    <ConfirmChange key={change} userId={user.id} email={user.email} change={change} list={list} />
                  ))}
                  {user.id !== actorId && (
                    <Link
                      href={`/admin/delete?${new URLSearchParams({ user: user.id })}`}
                      aria-label={`Delete ${user.email}`}
                      className="rounded-md px-3 py-1.5 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-300 hover:bg-red-50 dark:text-red-400 dark:ring-red-800 dark:hover:bg-red-950"
                    >
                      Delete
                    </Link>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
