import { describe, expect, it } from "vitest";
import { API_KEY_MAX_LENGTH, generateApiKey, looksLikeApiKey, VISIBLE_PREFIX_LENGTH } from "@/lib/api-keys/key-format";

describe("generateApiKey", () => {
  it("starts with its visible prefix and carries 256 random bits after it", () => {
    const { key, prefix } = generateApiKey();
    expect(prefix).toMatch(/^lk_[A-Za-z0-9_-]{8}$/);
    expect(prefix).toHaveLength(VISIBLE_PREFIX_LENGTH);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(Buffer.from(key.slice(prefix.length + 1), "base64url")).toHaveLength(32);
    expect(key.length).toBeLessThanOrEqual(API_KEY_MAX_LENGTH);
  });

  it("never repeats", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey().key));
    expect(keys.size).toBe(1000);
  });
});

describe("looksLikeApiKey", () => {
  it("accepts generated keys", () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
  });
  it.each(["", "lk_", "lk_12345678", "sk_live_abcdefghijklmnop", "x".repeat(200), `lk_${"a".repeat(200)}`])(
    "rejects %j",
    (value) => {
      expect(looksLikeApiKey(value)).toBe(false);
    },
  );
});
