import { describe, expect, it } from "vitest";
import { loginSchema } from "@/lib/validation/login";

const valid = { email: " Bob@Example.ORG ", password: "hunter22" };

function issuesOf(input: unknown): [PropertyKey | undefined, string][] {
  const result = loginSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path[0], issue.message]);
}

describe("loginSchema", () => {
  it("accepts a valid form, normalizing the email and defaulting remember to false", () => {
    expect(loginSchema.parse(valid)).toEqual({ email: "bob@example.org", password: "hunter22", remember: false });
  });

  it.each([
    // Existing passwords are checked, not judged: short ones from before a policy change still sign in.
    ["1 character", "x"],
    ["surrounding spaces, kept as typed", "  pass word  "],
    ["a 200-character passphrase", "correct horse battery staple ".repeat(7).slice(0, 200)],
    ["1000 characters (the maximum)", "p".repeat(1000)],
  ])("accepts a password of %s", (_label, password) => {
    expect(loginSchema.parse({ ...valid, password }).password).toBe(password);
  });

  it.each([
    ["missing", undefined, false],
    ['"on" (a ticked checkbox)', "on", true],
    ['"true"', "true", true],
    ['"false"', "false", false],
  ])("reads remember %s as %s", (_label, remember, expected) => {
    expect(loginSchema.parse({ ...valid, remember }).remember).toBe(expected);
  });

  it.each([
    ["yes", "yes"],
    ["empty string", ""],
    ["ON", "ON"],
    ["1", "1"],
    ["boolean true", true],
  ])("rejects remember = %s", (_label, remember) => {
    expect(issuesOf({ ...valid, remember })).toEqual([["remember", "Remember me must be on or off."]]);
  });

  it.each([
    ["email", "empty", { email: "" }, "Enter your email address."],
    ["email", "missing", { email: undefined }, "Enter your email address."],
    ["email", "not an address", { email: "not-an-email" }, "Enter a valid email address, like name@example.com."],
    ["email", "over 254 characters", { email: "a".repeat(243) + "@example.com" }, "Email addresses are at most 254 characters."],
    ["password", "empty", { password: "" }, "Enter your password."],
    ["password", "missing", { password: undefined }, "Enter your password."],
    ["password", "1001 characters", { password: "p".repeat(1001) }, "Passwords are at most 1000 characters."],
  ])("reports %s when it is %s", (field, _label, override, message) => {
    expect(issuesOf({ ...valid, ...override })).toEqual([[field, message]]);
  });
});
