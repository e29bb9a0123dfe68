import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { createTotpSecret, formatSetupKey, matchTotpStep, otpauthUri, timeStepAt } from "@/lib/two-factor/totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const authenticator = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
// The middle of a step, so ±1 step is unambiguous.
const now = Date.UTC(2026, 11, 1, 8, 0, 15);
const step = timeStepAt(now);

function codeAt(offsetSteps: number): string {
  return authenticator.generate({ timestamp: now + offsetSteps * 30_000 });
}

describe("matchTotpStep", () => {
  it("accepts the current code and says which step it is", () => {
    expect(matchTotpStep(secret, codeAt(0), now)).toBe(step);
  });

  it("accepts the code of one step before or after, as the step it belongs to", () => {
    expect(matchTotpStep(secret, codeAt(-1), now)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(1), now)).toBe(step + 1);
  });

  it("refuses codes two steps away or more", () => {
    for (const offset of [-3, -2, 2, 3]) {
      const code = codeAt(offset);
      // A code from far away may collide with one inside the window by chance (1 in 10^6); not with these.
      if ([-1, 0, 1].some((near) => codeAt(near) === code)) continue;
      expect(matchTotpStep(secret, code, now)).toBeNull();
    }
  });

  it("refuses a wrong code, another secret's code and anything not six digits", () => {
    const other = new TOTP({ secret: Secret.fromBase32(createTotpSecret()) }).generate({ timestamp: now });
    expect(matchTotpStep(secret, other === codeAt(0) ? "000000" : other, now)).toBeNull();
    for (const junk of ["", "12345", "1234567", "abcdef", "12 34 5x", "١٢٣٤٥٦"]) {
      expect(matchTotpStep(secret, junk, now)).toBeNull();
    }
  });

  it("accepts the code as apps show it, with a space or a dash in the middle", () => {
    const code = codeAt(0);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
    expect(matchTotpStep(secret, `${code.slice(0, 3)}-${code.slice(3)}`, now)).toBe(step);
  });
});

describe("setup", () => {
  it("makes 160-bit base32 secrets, a new one each time", () => {
    const first = createTotpSecret();
    expect(first).toMatch(/^[A-Z2-7]{32}$/);
    expect(createTotpSecret()).not.toBe(first);
  });

  it("writes an otpauth URI with the issuer and the account", () => {
    const uri = new URL(otpauthUri(secret, "Latchkey", "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Latchkey:ada@example.com");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret,
      issuer: "Latchkey",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("groups the setup key in fours", () => {
    expect(formatSetupKey("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
    expect(formatSetupKey("ABCDEF")).toBe("ABCD EF");
  });
});
