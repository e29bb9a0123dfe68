import { describe, expect, it } from "vitest";
import {
  appOrRecoveryCodeSchema,
  authenticationCodeSchema,
  codeKind,
  secondFactorSchema,
} from "@/lib/validation/two-factor";
import { parseWebAuthnResponse, passkeyNameSchema } from "@/lib/validation/passkey";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

describe("second-factor forms", () => {
  it("takes six digits, with the space or dash apps show", () => {
    for (const code of ["123456", " 123 456 ", "123-456"]) expect(authenticationCodeSchema.safeParse({ code }).success).toBe(true);
  });

  it("says what is wrong with anything else", () => {
    expect(messages(authenticationCodeSchema.safeParse({ code: "" }))).toEqual(["Enter the code from your authenticator app."]);
    expect(messages(authenticationCodeSchema.safeParse({}))).toEqual(["Enter the code from your authenticator app."]);
    for (const code of ["12345", "1234567", "abcdef", "9".repeat(5000)]) {
      expect(messages(authenticationCodeSchema.safeParse({ code }))).toEqual(["That code is not valid."]);
    }
  });

  it("switches between an app code and a recovery code on the sign-in step", () => {
    expect(secondFactorSchema.safeParse({ method: "totp", code: "123456" }).success).toBe(true);
    expect(secondFactorSchema.safeParse({ method: "recovery", recoveryCode: "abcd-efgh-jkmn-pqrs" }).success).toBe(true);
    expect(messages(secondFactorSchema.safeParse({ method: "recovery", recoveryCode: "123456" }))).toEqual([
      "That recovery code is not valid.",
    ]);
    expect(secondFactorSchema.safeParse({ method: "sms", code: "123456" }).success).toBe(false);
  });

  it("tells an app code from a recovery code in the one-field forms", () => {
    expect(codeKind("123 456")).toBe("totp");
    expect(codeKind("abcd-efgh-jkmn-pqrs")).toBe("recovery");
    expect(appOrRecoveryCodeSchema.safeParse({ code: "ABCD EFGH JKMN PQRS" }).success).toBe(true);
    expect(messages(appOrRecoveryCodeSchema.safeParse({ code: "nope" }))).toEqual(["That code is not valid."]);
  });
});

describe("passkey forms", () => {
  it("needs a one-line name of at most 60 characters", () => {
    expect(passkeyNameSchema.safeParse({ passkeyName: "  Work laptop " }).data).toEqual({ passkeyName: "Work laptop" });
    expect(messages(passkeyNameSchema.safeParse({ passkeyName: " " }))).toEqual([
      "Give the passkey a name, such as the device it is on.",
    ]);
    expect(messages(passkeyNameSchema.safeParse({ passkeyName: "x".repeat(61) }))).toEqual(["Use at most 60 characters."]);
    expect(passkeyNameSchema.safeParse({ passkeyName: "line\nbreak" }).success).toBe(false);
  });

  it("reads the browser's answer only when it has the shape of one", () => {
    const answer = { id: "abc", rawId: "abc", type: "public-key", response: { clientDataJSON: "e30" }, clientExtensionResults: {} };
    expect(parseWebAuthnResponse(JSON.stringify(answer))).toMatchObject(answer);
    for (const junk of [undefined, 42, "", "{", "null", "[]", JSON.stringify({ ...answer, type: "password" }), "x".repeat(60_000)]) {
      expect(parseWebAuthnResponse(junk)).toBeNull();
    }
  });
});
