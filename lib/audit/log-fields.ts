import type { AuditAction } from "@/lib/audit/actions";

/** How the person proved who they are, when an event is about that. */
export type AuthMethod =
  | "password"
  | "password+totp"
  | "password+recovery_code"
  | "passkey"
  | "basic"
  | "totp"
  | "recovery_code"
  | "federated";

/**
 * success; failure (a wrong credential); locked (refused, or a lock
 * started, by the throttle); inactive (a deactivated account).
 */
export type AuthOutcome = "success" | "failure" | "locked" | "inactive";

export interface AuditLogFields {
  event: AuditAction;
  userId?: string;
  method?: AuthMethod;
  outcome: AuthOutcome;
}

type Describe = (detail: string) => { method?: AuthMethod; outcome: AuthOutcome };

// Which way a password was typed, from the channel the detail opens with
// (lib/auth/attempt-password.ts); the rest of the detail says why it failed.
function failedSignIn(detail: string): ReturnType<Describe> {
  const method: AuthMethod = detail.startsWith("API Basic auth") ? "basic" : detail.startsWith("passkey") ? "passkey" : "password";
  if (detail.endsWith("locked out")) return { method, outcome: "locked" };
  if (detail.endsWith("account deactivated")) return { method, outcome: "inactive" };
  return { method, outcome: "failure" };
}

function proof(detail: string): AuthMethod {
  // "via GitHub" (lib/auth/start-session.ts): a provider stood in for the password.
  if (detail.startsWith("via ")) return "federated";
  if (detail.includes("second factor")) return "password+totp";
  if (detail.includes("recovery code")) return "password+recovery_code";
  return detail.includes("passkey") ? "passkey" : "password";
}

function secondFactor(detail: string): AuthMethod | undefined {
  if (/authenticat/.test(detail)) return "totp";
  return /recovery code/.test(detail) ? "recovery_code" : undefined;
}

// The actions whose method or outcome is more than "it happened". The audit
// detail is written for people; these read the parts of it the callers
// always write the same way.
const DESCRIBE: Partial<Record<AuditAction, Describe>> = {
  "sign_in.succeeded": (detail) => ({ method: proof(detail), outcome: "success" }),
  "sign_in.failed": failedSignIn,
  reauthenticated: (detail) => ({ method: proof(detail), outcome: "success" }),
  "two_factor.succeeded": (detail) => ({ method: secondFactor(detail), outcome: "success" }),
  "two_factor.failed": (detail) => ({
    method: secondFactor(detail),
    outcome: detail.endsWith("locked out") ? "locked" : "failure",
  }),
  "recovery_code.used": () => ({ method: "recovery_code", outcome: "success" }),
  "passkey.failed": () => ({ method: "passkey", outcome: "failure" }),
  "throttle.triggered": () => ({ outcome: "locked" }),
  "federated.refused": (detail) => ({ method: "federated", outcome: detail.endsWith("account deactivated") ? "inactive" : "failure" }),
};

/** The structured facts of an audit event for its log line (and counters). */
export function auditLogFields(event: { action: AuditAction; actorId?: string; targetUserId?: string; detail?: string }): AuditLogFields {
  const described = DESCRIBE[event.action]?.(event.detail ?? "") ?? { outcome: "success" as const };
  const fields: AuditLogFields = { event: event.action, outcome: described.outcome };
  const userId = event.actorId ?? event.targetUserId;
  if (userId) fields.userId = userId;
  if (described.method) fields.method = described.method;
  return fields;
}
