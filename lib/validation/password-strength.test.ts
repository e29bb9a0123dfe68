import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimatePasswordStrength } from "@/lib/validation/password-strength";

function labelOf(password: string): string {
  return estimatePasswordStrength(password).label;
}

describe("estimatePasswordStrength", () => {
  it.each(["", "a", "Xy7#", "k7#qv!2"])("calls %j weak: it is shorter than 8 characters", (password) => {
    expect(estimatePasswordStrength(password)).toEqual({ score: 0, label: "Weak" });
  });

  it.each([
    ["a common word with digits", "password123"],
    ["look-alike characters", "P@ssw0rd!"],
    ["a keyboard row", "qwertyuiop"],
    ["one repeated character", "aaaaaaaaaaaaaaaaaaaa"],
    ["an ascending run", "abcdefghijklmnop"],
    ["a descending run", "9876543210"],
    ["digits in order", "12345678"],
  ])("calls %s weak (%j), however long", (_label, password) => {
    expect(labelOf(password)).toBe("Weak");
  });

  it.each([
    ["k7#qv!2m", "Fair"],
    ["hello world", "Fair"],
    ["Tr0ub4dor&3", "Good"],
    ["analytical-engine", "Strong"],
    ["correct horse battery staple", "Strong"],
  ])("rates %j as %s", (password, label) => {
    expect(labelOf(password)).toBe(label);
  });

  it("rises as a passphrase grows", () => {
    const scores = ["plinth o", "plinth orbit", "plinth orbit mango", "plinth orbit mango quietly"].map(
      (password) => estimatePasswordStrength(password).score,
    );
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores[3] ?? 0);
  });

  it("counts an emoji as one character", () => {
    // Seven emoji are 14 UTF-16 code units but still too short.
    expect(labelOf("🔑".repeat(7))).toBe("Weak");
  });

  it("always returns a score from 0 to 3 with its label", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (password) => {
        const { score, label } = estimatePasswordStrength(password);
        expect(["Weak", "Fair", "Good", "Strong"][score]).toBe(label);
      }),
    );
  });
});
