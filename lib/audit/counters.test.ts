import { beforeEach, describe, expect, it } from "vitest";
import { auditLogFields } from "@/lib/audit/log-fields";
import { countAuditEvent } from "@/lib/audit/counters";
import { metrics } from "@/lib/server/metrics.mjs";

const value = async (counter: { get(): Promise<{ values: { labels: object; value: number }[] }> }, labels: object = {}) =>
  (await counter.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))?.value ?? 0;

describe("the counters an audit event moves", () => {
  const m = metrics();
  beforeEach(() => {
    for (const counter of [m.signIns, m.lockouts, m.registrations, m.resetsCompleted, m.secondFactor]) counter.reset();
  });

  it("counts sign-ins by method and outcome", async () => {
    countAuditEvent(auditLogFields({ action: "sign_in.succeeded", actorId: "u", detail: "password" }));
    countAuditEvent(auditLogFields({ action: "sign_in.failed", targetUserId: "u", detail: "sign-in form, a@example.com: wrong email or password" }));
    countAuditEvent(auditLogFields({ action: "sign_in.failed", targetUserId: "u", detail: "API Basic auth, a@example.com: locked out" }));
    expect(await value(m.signIns, { method: "password", outcome: "success" })).toBe(1);
    expect(await value(m.signIns, { method: "password", outcome: "failure" })).toBe(1);
    expect(await value(m.signIns, { method: "basic", outcome: "locked" })).toBe(1);
  });

  it("counts lockouts, registrations, completed resets and second factors, once each", async () => {
    countAuditEvent(auditLogFields({ action: "throttle.triggered", detail: "address 10.0.0.1" }));
    countAuditEvent(auditLogFields({ action: "user.registered", actorId: "u" }));
    countAuditEvent(auditLogFields({ action: "password.reset", actorId: "u" }));
    countAuditEvent(auditLogFields({ action: "two_factor.succeeded", actorId: "u", detail: "sign-in: recovery code" }));
    countAuditEvent(auditLogFields({ action: "recovery_code.used", actorId: "u", detail: "9 left" }));
    countAuditEvent(auditLogFields({ action: "two_factor.failed", targetUserId: "u", detail: "sign-in: wrong authenticator code" }));
    countAuditEvent(auditLogFields({ action: "user.promoted", actorId: "a", targetUserId: "u" }));
    expect(await value(m.lockouts)).toBe(1);
    expect(await value(m.registrations)).toBe(1);
    expect(await value(m.resetsCompleted)).toBe(1);
    expect(await value(m.secondFactor, { method: "recovery_code", outcome: "success" })).toBe(1);
    expect(await value(m.secondFactor, { method: "totp", outcome: "failure" })).toBe(1);
  });
});
