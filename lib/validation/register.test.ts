import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/validation/register";

const valid = {
  name: "  Ada Lovelace  ",
  email: "  Ada@Example.COM ",
  password: "analytical-engine",
  confirmPassword: "analytical-engine",
};

/** The issues zod reports, as [first path segment, message] pairs. */
function issuesOf(input: unknown): [PropertyKey | undefined, string][] {
  const result = registerSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path[0], issue.message]);
}

describe("registerSchema", () => {
  it("accepts a valid form, trimming the name and normalizing the email", () => {
    expect(registerSchema.parse(valid)).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      password: "analytical-engine",
      confirmPassword: "analytical-engine",
    });
  });

  it("does not trim or otherwise alter passwords", () => {
    const password = "  spaces count  ";
    expect(registerSchema.parse({ ...valid, password, confirmPassword: password }).password).toBe(password);
    expect(issuesOf({ ...valid, password, confirmPassword: password.trim() })).toEqual([
      ["confirmPassword", "The passwords do not match."],
    ]);
  });

  it.each([
    ["8 characters (the minimum)", "k7#qv!2m"],
    ["a 200-character passphrase", "long passphrase ".repeat(13).slice(0, 200)],
    ["1000 characters (the maximum)", "p".repeat(1000)],
    ["Unicode", "pässwörd-🔑-日本"],
  ])("accepts a password of %s", (_label, password) => {
    expect(registerSchema.parse({ ...valid, password, confirmPassword: password }).password).toBe(password);
  });

  it.each([
    ["name", "empty", { name: "" }, "Enter your name."],
    ["name", "only whitespace", { name: "   " }, "Enter your name."],
    ["name", "missing", { name: undefined }, "Enter your name."],
    ["name", "a control character", { name: "Ada\u0000Lovelace" }, "Names cannot contain control characters."],
    ["name", "an embedded newline", { name: "Ada\nLovelace" }, "Names cannot contain control characters."],
    ["name", "over 100 characters", { name: "a".repeat(101) }, "Use at most 100 characters."],
    ["email", "empty", { email: "" }, "Enter your email address."],
    ["email", "not an address", { email: "not-an-email" }, "Enter a valid email address, like name@example.com."],
    ["email", "over 254 characters", { email: "a".repeat(243) + "@example.com" }, "Email addresses are at most 254 characters."],
    ["password", "7 characters", { password: "1234567", confirmPassword: "1234567" }, "Use at least 8 characters."],
    ["password", "empty", { password: "", confirmPassword: "" }, "Use at least 8 characters."],
    ["password", "missing", { password: undefined }, "Enter a password."],
    ["password", "a common password", { password: "Password123", confirmPassword: "Password123" }, "This password is too common. Choose another."],
    ["password", "1001 characters", { password: "p".repeat(1001), confirmPassword: "p".repeat(1001) }, "Use at most 1000 characters."],
    ["confirmPassword", "different", { confirmPassword: "analytical-engine!" }, "The passwords do not match."],
    ["confirmPassword", "missing", { confirmPassword: undefined }, "Confirm your password."],
  ])("reports %s when it is %s", (field, _label, override, message) => {
    expect(issuesOf({ ...valid, ...override })).toEqual([[field, message]]);
  });

  it("accepts a name of exactly 100 characters after trimming", () => {
    const name = "a".repeat(100);
    expect(registerSchema.parse({ ...valid, name: `  ${name}  ` }).name).toBe(name);
  });

  it("reports every invalid field at once", () => {
    const fields = issuesOf({ name: "", email: "nope", password: "short", confirmPassword: "other" }).map(([field]) => field);
    expect(new Set(fields)).toEqual(new Set(["name", "email", "password", "confirmPassword"]));
  });
});
