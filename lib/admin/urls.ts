import type { UserListParams } from "@/lib/validation/admin";

/** The admin page at one list position; defaults are left out of the URL. */
export function adminUsersUrl({ page, q }: UserListParams): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin?${search}` : "/admin";
}
