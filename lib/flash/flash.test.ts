import { describe, expect, it } from "vitest";
import { parseFlash, serializeFlash, FLASH_CATEGORIES, type Flash } from "@/lib/flash/flash";

const ID = "0b7c5d1e-5f8a-4e53-9a43-5f0d9a3c1b21";
const json = (value: unknown) => JSON.stringify(value);

describe("serializeFlash / parseFlash", () => {
  it.each(FLASH_CATEGORIES)("round-trips a %s flash", (category) => {
    const flash: Flash = { id: ID, category, message: "Your profile was saved." };
    expect(parseFlash(serializeFlash(flash))).toEqual(flash);
  });

  it.each([
    ["punctuation and cookie-hostile characters", 'Saved; "quoted", 100% done = yes, a,b; c=d'],
    ["Unicode and emoji", "Bienvenue, Zoë 👋 — 日本語"],
    ["a newline", "Line one\nLine two"],
    ["500 characters (the maximum)", "m".repeat(500)],
    ["a single character", "!"],
  ])("round-trips a message with %s", (_label, message) => {
    const flash: Flash = { id: ID, category: "info", message };
    expect(parseFlash(serializeFlash(flash))).toEqual(flash);
  });

  it("returns only id, category and message, dropping any extra properties", () => {
    expect(parseFlash(json({ id: ID, category: "error", message: "Nope.", html: "<script>", extra: 1 }))).toEqual({
      id: ID,
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
    ["truncated JSON", '{"id":"a","category":"info","message":"hi"'],
    ["JSON null", json(null)],
    ["a JSON string", json("hello")],
    ["a JSON number", json(42)],
    ["a JSON boolean", json(true)],
    ["a JSON array", json(["info", "hello"])],
    ["a missing id", json({ category: "info", message: "hi" })],
    ["an empty id", json({ id: "", category: "info", message: "hi" })],
    ["an overlong id", json({ id: "x".repeat(65), category: "info", message: "hi" })],
    ["a non-string id", json({ id: 7, category: "info", message: "hi" })],
    ["an unknown category", json({ id: ID, category: "danger", message: "hi" })],
    ["a differently-cased category", json({ id: ID, category: "Success", message: "hi" })],
    ["a missing category", json({ id: ID, message: "hi" })],
    ["a non-string category", json({ id: ID, category: 1, message: "hi" })],
    ["a missing message", json({ id: ID, category: "info" })],
    ["an empty message", json({ id: ID, category: "info", message: "" })],
    ["a 501-character message", json({ id: ID, category: "info", message: "m".repeat(501) })],
    ["a non-string message", json({ id: ID, category: "info", message: 42 })],
    ["an object message", json({ id: ID, category: "info", message: { toString: "hi" } })],
    ["an inherited category", '{"__proto__":{"category":"info"},"id":"a","message":"hi"}'],
  ])("%s", (_label, raw) => {
    expect(parseFlash(raw)).toBeNull();
  });
});
