import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordSchema, updateNameSchema } from "@/lib/validation/profile";

function issuesOf(schema: z.ZodType, input: unknown): [PropertyKey | undefined, string][] {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path[0], issue.message]);
}

describe("updateNameSchema", () => {
  it.each([
    ["Grace Hopper", "Grace Hopper"],
    ["  Grace Hopper  ", "Grace Hopper"],
    ["Grace Hopper\n", "Grace Hopper"],
    ["Zoë Ñúñez 李小龍 🚀", "Zoë Ñúñez 李小龍 🚀"],
    ["a".repeat(100), "a".repeat(100)],
  ])("accepts %j as %j", (name, expected) => {
    expect(updateNameSchema.parse({ name })).toEqual({ name: expected });
  });

  it.each([
    ["empty", "", "Enter your name."],
    ["only whitespace", " \t\n ", "Enter your name."],
    ["missing", undefined, "Enter your name."],
    ["not a string", 42, "Enter your name."],
    ["101 characters", "a".repeat(101), "Use at most 100 characters."],
    ["containing NUL", "Grace\u0000Hopper", "Names cannot contain control characters."],
    ["containing a newline", "Grace\nHopper", "Names cannot contain control characters."],
    ["containing an escape", "Grace\u001b[31mHopper", "Names cannot contain control characters."],
    ["containing DEL", "Grace\u007fHopper", "Names cannot contain control characters."],
    ["containing a C1 control", "Grace\u0085Hopper", "Names cannot contain control characters."],
  ])("rejects a name %s", (_label, name, message) => {
    expect(issuesOf(updateNameSchema, { name })).toEqual([["name", message]]);
  });
});

describe("changePasswordSchema", () => {
  const valid = { currentPassword: "old-password", newPassword: "new-password", confirmNewPassword: "new-password" };

  it("accepts a valid change", () => {
    expect(changePasswordSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ["8 characters (the minimum)", "k7#qv!2m"],
    ["a 200-character passphrase", "x".repeat(199) + "!"],
    ["1000 characters (the maximum)", "n".repeat(1000)],
  ])("accepts a new password of %s", (_label, newPassword) => {
    expect(changePasswordSchema.parse({ ...valid, newPassword, confirmNewPassword: newPassword }).newPassword).toBe(
      newPassword,
    );
  });

  it("accepts any non-empty current password, however short", () => {
    expect(changePasswordSchema.parse({ ...valid, currentPassword: "x" }).currentPassword).toBe("x");
  });

  it.each([
    ["currentPassword", "empty", { currentPassword: "" }, "Enter your password."],
    ["currentPassword", "missing", { currentPassword: undefined }, "Enter your password."],
    ["currentPassword", "1001 characters", { currentPassword: "c".repeat(1001) }, "Passwords are at most 1000 characters."],
    ["newPassword", "7 characters", { newPassword: "1234567", confirmNewPassword: "1234567" }, "Use at least 8 characters."],
    ["newPassword", "a common password", { newPassword: " iloveyou2 ", confirmNewPassword: " iloveyou2 " }, "This password is too common. Choose another."],
    ["newPassword", "1001 characters", { newPassword: "n".repeat(1001), confirmNewPassword: "n".repeat(1001) }, "Use at most 1000 characters."],
    ["newPassword", "missing", { newPassword: undefined, confirmNewPassword: "new-password" }, "Enter a password."],
    ["newPassword", "the current password", { newPassword: "old-password", confirmNewPassword: "old-password" }, "Choose a password different from the current one."],
    ["confirmNewPassword", "different", { confirmNewPassword: "new-password " }, "The new passwords do not match."],
    ["confirmNewPassword", "missing", { confirmNewPassword: undefined }, "Confirm your new password."],
  ])("reports %s when it is %s", (field, _label, override, message) => {
    expect(issuesOf(changePasswordSchema, { ...valid, ...override })).toEqual([[field, message]]);
  });
});
