import type { AuditLogFields } from "@/lib/audit/log-fields";
import { metrics } from "@/lib/server/metrics.mjs";

/**
 * The counters an audit event moves: the one place that turns what
 * lib/audit records into metrics, so no action counts by itself.
 */
export function countAuditEvent(fields: AuditLogFields): void {
  const m = metrics();
  switch (fields.event) {
    case "sign_in.succeeded":
    case "sign_in.failed":
      m.signIns.inc({ method: fields.method ?? "password", outcome: fields.outcome });
      break;
    case "throttle.triggered":
      m.lockouts.inc();
      break;
    case "user.registered":
      m.registrations.inc();
      break;
    case "password.reset":
      m.resetsCompleted.inc();
      break;
    case "two_factor.succeeded":
    case "two_factor.failed":
    // (recovery_code.used follows a two_factor.succeeded: not counted twice)
      m.secondFactor.inc({ method: fields.method ?? "totp", outcome: fields.outcome });
      break;
    default:
      break;
  }
}
