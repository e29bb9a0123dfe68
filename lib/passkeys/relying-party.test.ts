// The relying party comes from configuration only: AUTH_URL and
// WEBAUTHN_RP_ID, or localhost in development; never a request header.
import { describe, expect, it } from "vitest";
import { loadServerEnv } from "@/lib/env";
import { passkeySupport } from "@/lib/passkeys/relying-party";

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) } as const;

describe("passkeySupport", () => {
  it("uses AUTH_URL's origin and hostname in production", () => {
    expect(passkeySupport(loadServerEnv({ ...production, AUTH_URL: "https://auth.example.com/base/" }))).toEqual({
      available: true,
      rp: { id: "auth.example.com", name: "Latchkey", origin: "https://auth.example.com" },
    });
  });

  it("takes WEBAUTHN_RP_ID as the RP ID when it is the host or a parent domain of it", () => {
    const env = loadServerEnv({ ...production, AUTH_URL: "https://auth.example.com", WEBAUTHN_RP_ID: " Example.COM " });
    expect(passkeySupport(env)).toMatchObject({ available: true, rp: { id: "example.com", origin: "https://auth.example.com" } });
  });

  it("turns passkeys off, saying why, in production without AUTH_URL (WEBAUTHN_RP_ID alone gives no origin)", () => {
    for (const env of [production, { ...production, WEBAUTHN_RP_ID: "example.com" }]) {
      const support = passkeySupport(loadServerEnv(env));
      expect(support.available).toBe(false);
      expect(support.available ? "" : support.reason).toMatch(/^AUTH_URL is not set: passkeys are off/);
    }
  });

  it("turns passkeys off when WEBAUTHN_RP_ID is not a suffix of AUTH_URL's host", () => {
    const support = passkeySupport(loadServerEnv({ ...production, AUTH_URL: "https://auth.example.com", WEBAUTHN_RP_ID: "other.test" }));
    expect(support).toEqual({ available: false, reason: expect.stringMatching(/^WEBAUTHN_RP_ID \(other\.test\) is not auth\.example\.com/) });
    const lookalike = passkeySupport(loadServerEnv({ ...production, AUTH_URL: "https://evilexample.com", WEBAUTHN_RP_ID: "example.com" }));
    expect(lookalike.available).toBe(false);
  });

  it("uses http://localhost:$PORT in development without AUTH_URL", () => {
    expect(passkeySupport(loadServerEnv({ NODE_ENV: "development", PORT: "4000" }))).toEqual({
      available: true,
      rp: { id: "localhost", name: "Latchkey", origin: "http://localhost:4000" },
    });
  });

  it("refuses a WEBAUTHN_RP_ID that is not a domain name", () => {
    for (const value of ["https://example.com", "example.com:443", "example.com/path", "exa mple.com", "-bad.example"]) {
      expect(() => loadServerEnv({ NODE_ENV: "development", WEBAUTHN_RP_ID: value })).toThrow(/WEBAUTHN_RP_ID must be a domain name/);
    }
    expect(loadServerEnv({ NODE_ENV: "development", WEBAUTHN_RP_ID: "" }).webauthnRpId).toBeNull();
  });
});
