import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailField, normalizeEmail } from "@/lib/validation/email";

// Any string at all, including lone surrogates and every kind of whitespace.
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  // Padding that String.prototype.trim removes, around text that may be an address.
  fc
    .tuple(fc.stringMatching(/^[\s\u00a0\u2028\u2029\ufeff]*$/), fc.oneof(fc.emailAddress(), fc.string()), fc.stringMatching(/^\s*$/))
    .map(([before, text, after]) => `${before}${text}${after}`),
);

/** Addresses zod's email check accepts: ASCII letters, digits and a few symbols. */
const plainAddress = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_+-]([A-Za-z0-9_'+-]{0,20}[A-Za-z0-9_+-])?$/),
    fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}$/), { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[A-Za-z]{2,6}$/),
  )
  .map(([local, labels, tld]) => `${local}@${labels.join(".")}.${tld}`);

describe("normalizeEmail (properties)", () => {
  it("never throws, and its output has no surrounding whitespace and is lower-case", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const output = normalizeEmail(input);
        expect(output).toBe(output.trim());
        expect(output).toBe(output.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const once = normalizeEmail(input);
        expect(normalizeEmail(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores case and surrounding whitespace", () => {
    fc.assert(
      fc.property(plainAddress, fc.stringMatching(/^\s*$/), fc.stringMatching(/^\s*$/), (address, before, after) => {
        expect(normalizeEmail(`${before}${address.toUpperCase()}${after}`)).toBe(normalizeEmail(address));
      }),
    );
  });
});

describe("emailField (properties)", () => {
  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyText), (input) => {
        const result = emailField.safeParse(input);
        expect(typeof result.success).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("only ever yields a normalised address of at most 254 characters", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, plainAddress), (input) => {
        const result = emailField.safeParse(input);
        if (!result.success) return;
        expect(result.data).toBe(normalizeEmail(result.data));
        expect(result.data.length).toBeLessThanOrEqual(254);
        expect(result.data).toContain("@");
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts its own output unchanged (idempotent)", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, plainAddress), (input) => {
        const result = emailField.safeParse(input);
        if (result.success) expect(emailField.parse(result.data)).toBe(result.data);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts plain addresses in any case and padding, as the same normalised address", () => {
    fc.assert(
      fc.property(plainAddress, fc.stringMatching(/^\s{0,3}$/), (address, padding) => {
        fc.pre(address.length <= 254);
        const expected = address.toLowerCase();
        expect(emailField.parse(address)).toBe(expected);
        expect(emailField.parse(`${padding}${address.toUpperCase()}${padding}`)).toBe(expected);
      }),
    );
  });
});
