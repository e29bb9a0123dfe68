/**
 * Every action the audit log records, with the words the pages show for it.
 * The one list of action names: add new ones here.
 */
const AUDIT_ACTION_LABELS = {
  "user.registered": "Registered",
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "sign_in.new_device": "Signed in from a new device",
  "sign_in.reported": "New sign-in reported: everyone signed out",
  "sign_out": "Signed out",
  "session.revoked": "Session signed out",
  "reauthenticated": "Password confirmed",
  "password.changed": "Password changed",
  "password.reset": "Password reset by mailed link",
  "account.reviewed": "Account reviewed after a password reset",
  "email.verified": "Email address confirmed",
  "email_change.requested": "Email change asked for",
  "email.changed": "Email address changed",
  "email_change.cancelled": "Email change cancelled",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "throttle.triggered": "Too many attempts: locked",
  "user.deactivated": "Deactivated",
  "user.reactivated": "Reactivated",
  "user.promoted": "Promoted to admin",
  "user.demoted": "Demoted to user",
  "two_factor.enabled": "Two-factor authentication turned on",
  "two_factor.disabled": "Two-factor authentication turned off",
  "two_factor.admin_disabled": "Two-factor authentication turned off by an admin",
  "two_factor.succeeded": "Second factor accepted",
  "two_factor.failed": "Second factor refused",
  "recovery_codes.generated": "New recovery codes generated",
  "recovery_code.used": "Recovery code used",
  "passkey.added": "Passkey added",
  "passkey.removed": "Passkey removed",
  "passkey.failed": "Passkey refused",
  "account.deleted": "Account deleted by its owner",
  "user.deleted": "Deleted by an admin",
  "account.exported": "Account data downloaded",
  "federated.connected": "Sign-in provider connected",
  "federated.disconnected": "Sign-in provider disconnected",
  "federated.refused": "Sign-in with a provider refused",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The actions an admin takes on other users (the admin page's "Recent admin actions"). */
export const ADMIN_ACTIONS: AuditAction[] = [
  "user.deactivated",
  "user.reactivated",
  "user.promoted",
  "user.demoted",
  "two_factor.admin_disabled",
  "user.deleted",
];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** Stored actions are plain strings, so one this code no longer knows shows as written. */
export function describeAuditAction(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}
