import { describe, expect, it } from "vitest";
import { emailField, normalizeEmail } from "@/lib/validation/email";

const REQUIRED = "Enter your email address.";
const TOO_LONG = "Email addresses are at most 254 characters.";
const INVALID = "Enter a valid email address, like name@example.com.";

/** A syntactically valid address of exactly `length` characters. */
function emailOfLength(length: number): string {
  const domain = "@example.com";
  return "a".repeat(length - domain.length) + domain;
}

function messagesFor(value: unknown): string[] {
  const result = emailField.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("normalizeEmail", () => {
  it.each([
    ["alice@example.com", "alice@example.com"],
    ["Alice@Example.COM", "alice@example.com"],
    ["  alice@example.com  ", "alice@example.com"],
    ["\tBOB@EXAMPLE.ORG\n", "bob@example.org"],
    ["", ""],
  ])("normalizes %j to %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe("emailField", () => {
  it("trims and lower-cases a valid address", () => {
    expect(emailField.parse("  Alice@Example.COM ")).toBe("alice@example.com");
  });

  it.each([
    ["alice@example.com", "alice@example.com"],
    ["first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk"],
    ["O'Brien@Example.IE", "o'brien@example.ie"],
  ])("accepts %j as %j", (input, expected) => {
    expect(emailField.parse(input)).toBe(expected);
  });

  it("accepts an address of exactly 254 characters", () => {
    const email = emailOfLength(254);
    expect(email).toHaveLength(254);
    expect(emailField.parse(email)).toBe(email);
  });

  it("measures the length after trimming", () => {
    const email = emailOfLength(254);
    expect(emailField.parse(`   ${email}   `)).toBe(email);
  });

  it.each([
    ["empty string", ""],
    ["only whitespace", "   \t  "],
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
  ])("rejects %s with the 'enter your email' message", (_label, value) => {
    expect(messagesFor(value)).toEqual([REQUIRED]);
  });

  it("rejects an address longer than 254 characters", () => {
    const email = emailOfLength(255);
    expect(email).toHaveLength(255);
    expect(messagesFor(email)).toEqual([TOO_LONG]);
  });

  it.each([
    "not-an-email",
    "alice@",
    "@example.com",
    "alice@example",
    "alice example@example.com",
    "alice@@example.com",
    "alice..bob@example.com",
  ])("rejects %j as not a valid address", (value) => {
    expect(messagesFor(value)).toEqual([INVALID]);
  });
});
