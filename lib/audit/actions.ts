/**
 * Every action the audit log records, with the words the admin page shows
 * for it. The one list of action names: add new ones here.
 */
const AUDIT_ACTION_LABELS = {
  "user.deactivated": "Deactivated",
  "user.reactivated": "Reactivated",
  "user.promoted": "Promoted to admin",
  "user.demoted": "Demoted to user",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** Stored actions are plain strings, so one this code no longer knows shows as written. */
export function describeAuditAction(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as AuditAction] : action;
}
