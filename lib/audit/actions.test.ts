import { describe, expect, it } from "vitest";
import { describeAuditAction } from "@/lib/audit/actions";

describe("describeAuditAction", () => {
  it.each([
    ["user.deactivated", "Deactivated"],
    ["user.reactivated", "Reactivated"],
    ["user.promoted", "Promoted to admin"],
    ["user.demoted", "Demoted to user"],
  ])("describes %s as %j", (action, label) => {
    expect(describeAuditAction(action)).toBe(label);
  });

  it.each(["user.renamed", "toString", "__proto__", ""])("shows an unknown action %j as stored", (action) => {
    expect(describeAuditAction(action)).toBe(action);
  });
});
