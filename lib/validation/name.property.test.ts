import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameField } from "@/lib/validation/name";
import { NAME_MAX_LENGTH } from "@/lib/validation/field-limits";
import { containsControlCharacters } from "@/lib/validation/text";

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 150 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ maxLength: 150 }),
);

/** zod measures strings in Unicode code points (an emoji is one character), not UTF-16 units. */
function characters(text: string): number {
  return Array.from(text).length;
}

/** A character that is neither a control character nor whitespace. */
const visibleCharacter = fc
  .string({ unit: "grapheme-composite", minLength: 1, maxLength: 1 })
  .filter((text) => !containsControlCharacters(text) && text.trim() === text && text.length > 0);

describe("nameField (properties)", () => {
  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyText), (input) => {
        expect(typeof nameField.safeParse(input).success).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("only ever yields a trimmed, non-empty name of at most 100 characters without control characters", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = nameField.safeParse(input);
        if (!result.success) return;
        expect(result.data).toBe(result.data.trim());
        expect(characters(result.data)).toBeGreaterThanOrEqual(1);
        expect(characters(result.data)).toBeLessThanOrEqual(NAME_MAX_LENGTH);
        expect(containsControlCharacters(result.data)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts its own output unchanged (idempotent)", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = nameField.safeParse(input);
        if (result.success) expect(nameField.parse(result.data)).toBe(result.data);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses any name with a control character that trimming does not remove", () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(visibleCharacter, control, visibleCharacter, (before, character, after) => {
        expect(nameField.safeParse(`${before}${character}${after}`).success).toBe(false);
      }),
    );
  });

  it("accepts any visible text up to the limit, trimming only its ends", () => {
    const name = fc
      .string({ unit: fc.oneof(visibleCharacter, fc.constant(" ")), minLength: 1, maxLength: 40 })
      .filter((text) => text.trim().length > 0 && characters(text.trim()) <= NAME_MAX_LENGTH);
    fc.assert(
      fc.property(name, fc.stringMatching(/^\s{0,3}$/), (text, padding) => {
        expect(nameField.parse(`${padding}${text}${padding}`)).toBe(text.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses names longer than the limit once trimmed, counting an emoji as one character", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), visibleCharacter, (count, character) => {
        const text = character.repeat(count);
        expect(nameField.safeParse(text).success).toBe(characters(text) <= NAME_MAX_LENGTH);
      }),
      { numRuns: 1000 },
    );
  });
});
