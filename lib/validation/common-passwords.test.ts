import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/validation/common-passwords";

const list = dictionary["passwords-common"];

describe("isCommonPassword", () => {
  it("draws on a list of at least 10,000 common passwords", () => {
    expect(list.length).toBeGreaterThanOrEqual(10_000);
  });

  it("recognises entries from the whole list, not just its top", () => {
    for (let index = 0; index < list.length; index += 997) {
      expect(isCommonPassword(list[index] ?? ""), list[index]).toBe(true);
    }
    expect(isCommonPassword(list.at(-1) ?? "")).toBe(true);
  });

  it.each(["password", "123456789", "iloveyou", "Password1", "PASSWORD", "  iloveyou  ", "\tQwErTy123\n", "LetMeIn"])(
    "recognises %j whatever its case and surrounding whitespace",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each([
    "correct horse battery staple",
    "plinth-orbit-marmalade-quietly",
    "k7#qv!2m",
    "pässwörd-🔑-日本",
  ])("does not flag %j", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });

  it("only trims the ends: inner spaces still make a different password", () => {
    expect(isCommonPassword("pass word")).toBe(false);
  });
});
