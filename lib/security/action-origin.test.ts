import { describe, expect, it } from "vitest";
import { isRefusedActionOrigin } from "@/lib/security/action-origin";

function post(headers: Record<string, string>, method = "POST"): Request {
  return new Request("http://localhost:3000/profile", { method, headers, body: method === "POST" ? "[]" : null });
}

describe("the Origin of a POST to a page", () => {
  it("passes when it names the host Next.js compares it with, or is absent", () => {
    expect(isRefusedActionOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(false);
    expect(isRefusedActionOrigin(post({ host: "localhost:3000" }))).toBe(false);
    // Behind a proxy: the public host in X-Forwarded-Host, the internal one in Host.
    expect(isRefusedActionOrigin(post({ host: "127.0.0.1:3000", "x-forwarded-host": "auth.example.com", origin: "https://auth.example.com" }))).toBe(false);
    expect(isRefusedActionOrigin(post({ host: "127.0.0.1:3000", "x-forwarded-host": "auth.example.com, proxy.internal", origin: "https://auth.example.com" }))).toBe(false);
    expect(isRefusedActionOrigin(post({ host: "localhost:3000", "x-forwarded-host": "", origin: "http://localhost:3000" }))).toBe(false);
  });

  it("is refused from another site, as null, malformed or empty, or against a forged X-Forwarded-Host", () => {
    const refused: Record<string, string>[] = [
      { host: "localhost:3000", origin: "https://evil.example" },
      { host: "localhost:3000", origin: "http://localhost:3001" },
      { host: "localhost:3000", origin: "null" },
      { host: "localhost:3000", origin: "::not a url" },
      { host: "localhost:3000", origin: "" },
      { host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "http://localhost:3000" },
    ];
    for (const headers of refused) {
      expect(isRefusedActionOrigin(post(headers)), JSON.stringify(headers)).toBe(true);
    }
  });

  it("is not looked at on other methods", () => {
    expect(isRefusedActionOrigin(post({ host: "localhost:3000", origin: "https://evil.example" }, "GET"))).toBe(false);
  });
});
