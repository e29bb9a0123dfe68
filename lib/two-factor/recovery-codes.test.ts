import { describe, expect, it } from "vitest";
import {
  RECOVERY_CODE_COUNT,
  generateRecoveryCodes,
  hashRecoveryCode,
} from "@/lib/two-factor/recovery-codes";
import { normalizeRecoveryCode } from "@/lib/validation/code-formats";
import { recoveryCodesFile } from "@/lib/two-factor/recovery-codes-file";

describe("recovery codes", () => {
  it("makes ten distinct codes of four groups of four unambiguous characters", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
  });

  it("spreads over the whole alphabet (no character stuck or missing over many codes)", () => {
    const seen = new Set(generateRecoveryCodes(200).join("").replaceAll("-", ""));
    expect(seen.size).toBe(31);
  });

  it("reads a code back however it is typed: case, dashes, spaces", () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const compact = code.replaceAll("-", "");
    expect(normalizeRecoveryCode(code)).toBe(compact);
    expect(normalizeRecoveryCode(code.toUpperCase())).toBe(compact);
    expect(normalizeRecoveryCode(` ${code.replaceAll("-", " ")} `)).toBe(compact);
    expect(normalizeRecoveryCode(compact)).toBe(compact);
  });

  it("refuses anything that cannot be a code", () => {
    for (const junk of ["", "abcd-efgh-jkmn", "abcd-efgh-jkmn-pqrs-tuvw", "abcd-efgh-jkmn-pqr0", "abcd-efgh-jkmn-pqrl", "ábcd-efgh-jkmn-pqrs"]) {
      expect(normalizeRecoveryCode(junk)).toBeNull();
    }
  });

  it("hashes per user: the same code hashes alike for one user and differently for another", () => {
    expect(hashRecoveryCode("user-1", "abcdefghjkmnpqrs")).toBe(hashRecoveryCode("user-1", "abcdefghjkmnpqrs"));
    expect(hashRecoveryCode("user-1", "abcdefghjkmnpqrs")).not.toBe(hashRecoveryCode("user-2", "abcdefghjkmnpqrs"));
    expect(hashRecoveryCode("user-1", "abcdefghjkmnpqrs")).not.toContain("abcdefghjkmnpqrs");
  });

  it("writes the download with every code on a line of its own", () => {
    const codes = generateRecoveryCodes();
    const file = recoveryCodesFile(codes, "Latchkey", "ada@example.com", new Date("2026-12-01T08:00:00Z"));
    expect(file.split("\n")).toEqual(expect.arrayContaining(codes));
    expect(file).toContain("Latchkey recovery codes for ada@example.com");
  });
});
