import { describe, expect, it } from "vitest";
import { ADMIN_CHANGES, changesFor, describeAdminChangeResult, isRefusedOnSelf } from "@/lib/admin/changes";
import type { PublicUser } from "@/lib/users/public-user";

const ada: PublicUser = {
  id: "ada",
  name: "Ada Lovelace",
  email: "ada@example.com",
  emailVerified: null,
  role: "USER",
  active: true,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  lastLoginAt: null,
};

describe("changesFor", () => {
  it.each([
    [{ active: true, role: "USER" }, ["deactivate", "promote"]],
    [{ active: false, role: "USER" }, ["reactivate", "promote"]],
    [{ active: true, role: "ADMIN" }, ["deactivate", "demote"]],
    [{ active: false, role: "ADMIN" }, ["reactivate", "demote"]],
  ] as const)("offers the opposite of %j on someone else's row", (state, changes) => {
    expect(changesFor({ id: "ada", ...state }, "grace")).toEqual(changes);
  });

  it("offers turning two-factor off only to an account that has it", () => {
    expect(changesFor({ id: "ada", active: true, role: "USER", twoFactor: true }, "grace")).toEqual([
      "deactivate",
      "promote",
      "turn_off_two_factor",
    ]);
    expect(changesFor({ id: "grace", active: true, role: "ADMIN", twoFactor: true }, "grace")).toEqual([]);
  });

  it("offers an admin nothing that would lock them out on their own row", () => {
    expect(changesFor({ id: "grace", active: true, role: "ADMIN" }, "grace")).toEqual([]);
  });
});

describe("isRefusedOnSelf", () => {
  it("refuses deactivating, demoting and turning off two-factor for oneself only", () => {
    expect(ADMIN_CHANGES.filter(isRefusedOnSelf)).toEqual(["deactivate", "demote", "turn_off_two_factor"]);
  });
});

describe("describeAdminChangeResult", () => {
  it.each([
    ["deactivate", "ada@example.com has been deactivated."],
    ["reactivate", "ada@example.com has been reactivated."],
    ["promote", "ada@example.com has been promoted to admin."],
    ["demote", "ada@example.com has been demoted to user."],
    ["turn_off_two_factor", "Two-factor authentication is off for ada@example.com."],
  ] as const)("confirms %s with the user's email", (change, message) => {
    expect(describeAdminChangeResult(change, { ok: true, user: ada })).toEqual({ category: "success", message });
  });

  it.each([
    ["deactivate", "self", "error", "You cannot deactivate your own account."],
    ["demote", "self", "error", "You cannot remove your own admin role."],
    ["promote", "not_found", "error", "That user no longer exists."],
    ["deactivate", "no_change", "info", "Nothing changed: that user is already inactive."],
    ["reactivate", "no_change", "info", "Nothing changed: that user is already active."],
    ["promote", "no_change", "info", "Nothing changed: that user is already an admin."],
    ["demote", "no_change", "info", "Nothing changed: that user is already a regular user."],
    ["turn_off_two_factor", "no_change", "info", "Nothing changed: that user is already without two-factor authentication."],
  ] as const)("explains %s refused as %s", (change, reason, category, message) => {
    expect(describeAdminChangeResult(change, { ok: false, reason })).toEqual({ category, message });
  });
});
