import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-redirect";

const TEST_ORIGIN = "http://a.example";

/** What every non-null result must satisfy for a redirect to stay on this site. */
function expectSameOriginPath(result: string): void {
  expect(result.startsWith("/")).toBe(true);
  expect(result.startsWith("//")).toBe(false);
  expect(result).not.toContain("\\");
  expect(new URL(result, TEST_ORIGIN).origin).toBe(TEST_ORIGIN);
}

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeNextPath("/dashboard")).toBe("/dashboard");
    expect(safeNextPath("/profile?tab=security#sessions")).toBe("/profile?tab=security#sessions");
  });

  it.each([
    ["/", "/"],
    ["/dashboard", "/dashboard"],
    ["/dashboard/", "/dashboard/"],
    ["/a/b/c", "/a/b/c"],
    ["/search?q=1&r=2", "/search?q=1&r=2"],
    ["/page#section", "/page#section"],
    ["/profile?tab=security#sessions", "/profile?tab=security#sessions"],
    // A query or hash may legitimately carry an encoded URL; only the path decides where we go.
    ["/search?q=a%20b", "/search?q=a%20b"],
    ["/files/report%20final", "/files/report%20final"],
    ["/a:b", "/a:b"],
    ["/dashboard?next=https://evil.example", "/dashboard?next=https://evil.example"],
    // Harmless dot segments are resolved, not rejected.
    ["/a/../b", "/b"],
    ["/a/./b", "/a/b"],
  ])("accepts %j as %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("accepts a path of exactly 2048 characters", () => {
    const path = "/" + "a".repeat(2047);
    expect(path).toHaveLength(2048);
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["a boolean", true],
    ["an object", { toString: () => "/dashboard" }],
    ["an array", ["/dashboard"]],
    ["a Blob", new Blob(["/dashboard"])],
  ])("rejects %s (not a string)", (_label, value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it.each([
    // Empty and relative
    ["empty string", ""],
    ["relative path", "dashboard"],
    ["relative dot path", "./dashboard"],
    ["relative parent path", "../dashboard"],
    ["query only", "?next=/dashboard"],
    ["hash only", "#dashboard"],
    ["leading space", " /dashboard"],
    // Protocol-relative and backslash tricks
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/dashboard"],
    ["triple slash", "///evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["backslash later in the path", "/dashboard\\..\\evil"],
    // Absolute URLs and schemes
    ["https URL", "https://evil.example"],
    ["http URL", "http://evil.example/dashboard"],
    ["scheme without slashes", "http:evil.example"],
    ["javascript scheme", "javascript:alert(1)"],
    ["mixed-case javascript scheme", "JaVaScRiPt:alert(1)"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["same-origin absolute URL", "http://latchkey.invalid/dashboard"],
    // Percent-encoded variants
    ["encoded slashes after a slash", "/%2F%2Fevil.example"],
    ["encoded slashes, lower case", "/%2f%2fevil.example"],
    ["fully encoded protocol-relative", "%2F%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["double-encoded slashes", "/%252F%252Fevil.example"],
    ["double-encoded backslash", "/%255Cevil.example"],
    ["triple-encoded slashes", "/%25252F%25252Fevil.example"],
    ["encoded scheme", "%68ttps://evil.example"],
    ["encoded slash then javascript", "%2Fjavascript:alert(1)"],
    // Control characters, raw and encoded (browsers strip tab/newline inside URLs)
    ["raw tab", "/\t/evil.example"],
    ["raw newline", "/\n/evil.example"],
    ["raw carriage return", "/\r/evil.example"],
    ["raw NUL", "/dashboard\u0000"],
    ["raw DEL", "/dashboard\u007f"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded newline", "/%0A/evil.example"],
    ["encoded CRLF (header injection)", "/dashboard%0D%0ASet-Cookie:x=1"],
    ["encoded NUL", "/dashboard%00"],
    ["double-encoded tab", "/%2509/evil.example"],
    // Malformed percent-encoding
    ["truncated UTF-8 sequence", "/%E0%A4%A"],
    ["lone percent sign", "/100%"],
    ["invalid hex digits", "/%zz"],
    ["invalid UTF-8 byte", "/%FF"],
    ["malformed after one decoding", "/%25E0%25A4%25A"],
    // Dot segments that collapse into a protocol-relative URL
    ["parent segment before //", "/..//evil.example"],
    ["current segment before //", "/.//evil.example"],
    ["nested parent segment before //", "/a/..//evil.example"],
    ["encoded parent segment before //", "/%2e%2e//evil.example"],
    ["encoded current segment before //", "/%2E//evil.example"],
    ["parent segment before encoded //", "/..%2F%2Fevil.example"],
    ["parent segment before double-encoded //", "/..%252F%252Fevil.example"],
  ])("rejects %s: %j", (_label, value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it("rejects paths longer than 2048 characters", () => {
    const path = "/" + "a".repeat(2048);
    expect(path).toHaveLength(2049);
    expect(safeNextPath(path)).toBeNull();
  });

  describe("properties", () => {
    // Fragments that tend to matter for redirects, so random strings hit the
    // interesting cases far more often than uniformly random text would.
    const fragment = fc.constantFrom(
      "/",
      "//",
      "\\",
      ".",
      "..",
      ":",
      "?",
      "#",
      "@",
      "%",
      "%2F",
      "%2f",
      "%5C",
      "%2e",
      "%2E",
      "%25",
      "%09",
      "%0A",
      "%E0%A4",
      "\t",
      "\n",
      "\u0000",
      " ",
      "evil.example",
      "a",
      "http",
      "javascript",
    );
    const trickyString = fc.array(fc.oneof(fragment, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(""));
    const slashPrefixed = trickyString.map((s) => `/${s}`);

    it.each([
      ["arbitrary strings", fc.string({ maxLength: 300 })],
      ["arbitrary full-Unicode strings", fc.string({ unit: "grapheme", maxLength: 100 })],
      ["arbitrary strings built from redirect-relevant fragments", trickyString],
      ["fragment strings that start with a slash", slashPrefixed],
    ])("any non-null result for %s stays on the same origin", (_label, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (input) => {
          const result = safeNextPath(input);
          if (result !== null) expectSameOriginPath(result);
        }),
        { numRuns: 2000 },
      );
    });

    it("never throws, whatever it is given", () => {
      fc.assert(
        fc.property(fc.anything(), (input) => {
          const result = safeNextPath(input);
          expect(result === null || typeof result === "string").toBe(true);
        }),
        { numRuns: 1000 },
      );
    });

    it("accepts plain alphanumeric paths unchanged", () => {
      const segment = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_"), minLength: 1, maxLength: 20 });
      fc.assert(
        fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
          const path = `/${segments.join("/")}`;
          expect(safeNextPath(path)).toBe(path);
        }),
      );
    });

    it("is idempotent: a result, fed back in, comes out unchanged", () => {
      fc.assert(
        fc.property(fc.oneof(slashPrefixed, fc.string({ maxLength: 100 })), (input) => {
          const result = safeNextPath(input);
          if (result !== null) expect(safeNextPath(result)).toBe(result);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
