import { describe, expect, it } from "vitest";
import { auditLogFields } from "@/lib/audit/log-fields";

describe("auditLogFields", () => {
  it("tells the sign-in method from the detail the session start writes", () => {
    expect(auditLogFields({ action: "sign_in.succeeded", actorId: "u1" })).toEqual({
      event: "sign_in.succeeded",
      userId: "u1",
      method: "password",
      outcome: "success",
    });
    expect(auditLogFields({ action: "sign_in.succeeded", actorId: "u1", detail: "password and second factor, with Remember me" }).method).toBe(
      "password+totp",
    );
    expect(auditLogFields({ action: "sign_in.succeeded", actorId: "u1", detail: "password and recovery code" }).method).toBe(
      "password+recovery_code",
    );
    expect(auditLogFields({ action: "sign_in.succeeded", actorId: "u1", detail: "via GitHub and recovery code" }).method).toBe("federated");
    expect(auditLogFields({ action: "sign_in.succeeded", actorId: "u1", detail: "passkey" }).method).toBe("passkey");
  });

  it("tells a wrong password from a lock and a deactivated account, and Basic auth from the form", () => {
    const failed = (detail: string) => auditLogFields({ action: "sign_in.failed", targetUserId: "u2", detail });
    expect(failed("sign-in form, a@example.com: wrong email or password")).toEqual({
      event: "sign_in.failed",
      userId: "u2",
      method: "password",
      outcome: "failure",
    });
    expect(failed("API Basic auth, a@example.com: locked out")).toMatchObject({ method: "basic", outcome: "locked" });
    expect(failed("sign-in form, a@example.com: account deactivated")).toMatchObject({ outcome: "inactive" });
    expect(failed("passkey: account deactivated")).toMatchObject({ method: "passkey", outcome: "inactive" });
  });

  it("names the second factor used or refused", () => {
    expect(auditLogFields({ action: "two_factor.succeeded", actorId: "u", detail: "sign-in: authenticator app" })).toMatchObject({
      method: "totp",
      outcome: "success",
    });
    expect(auditLogFields({ action: "two_factor.failed", targetUserId: "u", detail: "sign-in: wrong or used recovery code" })).toMatchObject({
      method: "recovery_code",
      outcome: "failure",
    });
    expect(auditLogFields({ action: "two_factor.failed", targetUserId: "u", detail: "sign-in: locked out" })).toMatchObject({ outcome: "locked" });
  });

  it("records other events as done, by whoever did them, with no method", () => {
    expect(auditLogFields({ action: "user.promoted", actorId: "admin", targetUserId: "u" })).toEqual({
      event: "user.promoted",
      userId: "admin",
      outcome: "success",
    });
    expect(auditLogFields({ action: "throttle.triggered", detail: "address 10.0.0.1" })).toEqual({ event: "throttle.triggered", outcome: "locked" });
  });
});
