import { z } from "zod";
import { ADMIN_CHANGES } from "@/lib/validation/admin-changes";
import { isAuditAction, type AuditAction } from "@/lib/audit/actions";

export const USER_SEARCH_MAX_LENGTH = 200;

// The list's place comes from the URL, which anyone can edit: anything odd
// means the first page of everyone rather than an error.
const pageParam = z.coerce.number().int().min(1).catch(1);
const queryParam = z.string().trim().max(USER_SEARCH_MAX_LENGTH).catch("");

/** /admin's search params (the search form and the pagination links). */
export const userListSchema = z.object({ page: pageParam, q: queryParam });
export type UserListParams = z.output<typeof userListSchema>;

/** A confirmed row action, with the list position to return to. */
export const adminChangeSchema = userListSchema.extend({
  userId: z.string().min(1).max(100),
  change: z.enum(ADMIN_CHANGES),
});

/** /admin/audit's filter (a GET form): an unknown action means all actions. */
export const auditFilterSchema = z.object({
  action: z
    .string()
    .refine(isAuditAction)
    .transform((action) => action as AuditAction)
    .optional()
    .catch(undefined),
  email: z.string().trim().max(USER_SEARCH_MAX_LENGTH).catch(""),
});
