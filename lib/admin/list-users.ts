import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { providerName } from "@/lib/linked-accounts/link";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";
import type { UserListParams } from "@/lib/validation/admin";

export const USERS_PER_PAGE = 20;

/**
 * A row of the admin list: the user, whether two-factor is on (which an admin
 * may turn off), and the names of the sign-in providers linked to it, oldest
 * link first ("Test SSO", "GitHub"; empty when none).
 */
export type AdminUserRow = PublicUser & { twoFactor: boolean; providers: string[] };

export interface UserListPage {
  users: AdminUserRow[];
  total: number;
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number;
  /** At least 1, so an empty list is "page 1 of 1". */
  pageCount: number;
}

/**
 * Case-insensitive "contains". SQLite's LIKE already ignores ASCII case and
 * its Prisma client has no `mode`; PostgreSQL compares exactly unless told.
 * (The SQLite client's types stand for both, hence the loose type here.)
 * Prisma does not escape LIKE's `%` and `_` (prisma/orm#19506), and SQLite's
 * LIKE has no escape character to use, so they act as wildcards: a search
 * can match more than typed, never anything outside the full list.
 */
function containsIgnoringCase(text: string): { contains: string; mode?: "insensitive" } {
  return serverEnv.database.provider === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text };
}

/** Users matching `q` by name or email, newest first, one page at a time. */
export async function listUsers({ page, q }: UserListParams): Promise<UserListPage> {
  const where = q ? { OR: [{ name: containsIgnoringCase(q) }, { email: containsIgnoringCase(q) }] } : {};
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const shown = Math.min(page, pageCount);
  const rows = await db.user.findMany({
    where,
    // The id breaks ties, so users created in the same millisecond keep
    // their place from one page to the next.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (shown - 1) * USERS_PER_PAGE,
    take: USERS_PER_PAGE,
    // The linked providers come in one more query for the whole page (Prisma
    // reads a relation with `userId IN (…)`), not one per user.
    select: {
      ...publicUserSelect,
      totp: { select: { enabledAt: true } },
      accounts: { select: { provider: true }, orderBy: [{ createdAt: "asc" }, { provider: "asc" }] },
    },
  });
  const users = rows.map(({ totp, accounts, ...user }) => ({
    ...user,
    twoFactor: Boolean(totp?.enabledAt),
    providers: accounts.map((account) => providerName(account.provider)),
  }));
  return { users, total, page: shown, pageCount };
}
