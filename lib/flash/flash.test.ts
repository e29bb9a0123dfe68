import { describe, expect, it } from "vitest";
import { parseFlash, serializeFlash, FLASH_CATEGORIES, type Flash } from "@/lib/flash/flash";

/** Arbitrary JSON, as a hand-crafted cookie might carry it. */
function cookieOf(value: unknown): string {
  return JSON.stringify(value);
}

describe("serializeFlash / parseFlash", () => {
  it.each(FLASH_CATEGORIES)("round-trips a %s flash", (category) => {
    const flash: Flash = { category, message: "Your profile was saved." };
    expect(parseFlash(serializeFlash(flash))).toEqual(flash);
  });

  it.each([
    ["punctuation and cookie-hostile characters", 'Saved; "quoted", 100% done = yes, a,b; c=d'],
    ["Unicode and emoji", "Bienvenue, Zoë 👋 — 日本語"],
    ["a newline", "Line one\nLine two"],
    ["500 characters (the maximum)", "m".repeat(500)],
    ["a single character", "!"],
  ])("round-trips a message with %s", (_label, message) => {
    const flash: Flash = { category: "info", message };
    expect(parseFlash(serializeFlash(flash))).toEqual(flash);
  });

  it("returns only the category and message, dropping any extra properties", () => {
    expect(parseFlash(cookieOf({ category: "error", message: "Nope.", html: "<script>", extra: 1 }))).toEqual({
      category: "error",
      message: "Nope.",
    });
  });

});

describe("parseFlash rejects", () => {
  it.each([
    ["undefined", undefined],
    ["an empty string", ""],
    ["invalid JSON", "not-json"],
    ["truncated JSON", '{"category":"info","message":"hi"'],
    ["JSON null", cookieOf(null)],
    ["a JSON string", cookieOf("hello")],
    ["a JSON number", cookieOf(42)],
    ["a JSON boolean", cookieOf(true)],
    ["a JSON array", cookieOf(["info", "hello"])],
    ["an unknown category", cookieOf({ category: "danger", message: "hi" })],
    ["a differently-cased category", cookieOf({ category: "Success", message: "hi" })],
    ["a missing category", cookieOf({ message: "hi" })],
    ["a non-string category", cookieOf({ category: 1, message: "hi" })],
    ["a missing message", cookieOf({ category: "info" })],
    ["an empty message", cookieOf({ category: "info", message: "" })],
    ["a 501-character message", cookieOf({ category: "info", message: "m".repeat(501) })],
    ["a non-string message", cookieOf({ category: "info", message: 42 })],
    ["an object message", cookieOf({ category: "info", message: { toString: "hi" } })],
    ["an inherited category", '{"__proto__":{"category":"info"},"message":"hi"}'],
  ])("%s", (_label, raw) => {
    expect(parseFlash(raw)).toBeNull();
  });
});
