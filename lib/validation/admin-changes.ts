/**
 * What an admin can change on a user's row: the form's schema
 * (lib/validation/admin.ts) checks against it, and lib/admin/changes.ts says
 * what each does. No imports, so the admin page's client code can use it.
 */
export const ADMIN_CHANGES = ["deactivate", "reactivate", "promote", "demote", "turn_off_two_factor"] as const;
export type AdminChange = (typeof ADMIN_CHANGES)[number];
