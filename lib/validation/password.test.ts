import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newPasswordField } from "@/lib/validation/password";

const TOO_COMMON = "This password is too common. Choose another.";

function messagesOf(password: unknown): string[] {
  const result = newPasswordField.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("newPasswordField", () => {
  it.each(["password", "123456789", "iloveyou", "Password1", " PASSWORD1 ", "password123", "Qwertyuiop"])(
    "refuses the common password %j",
    (password) => {
      expect(messagesOf(password)).toEqual([TOO_COMMON]);
    },
  );

  it("gives a short common password only the length message", () => {
    expect(messagesOf("123456")).toEqual(["Use at least 8 characters."]);
  });

  it("accepts long random passphrases, and returns them unaltered", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{4,9}$/), { minLength: 4, maxLength: 6 }), (words) => {
        const passphrase = ` ${words.join(" ")} `;
        expect(newPasswordField.parse(passphrase)).toBe(passphrase);
      }),
    );
  });

  it("needs no particular mix of characters", () => {
    expect(messagesOf("all lower case words here")).toEqual([]);
    expect(messagesOf("correct horse battery staple")).toEqual([]);
  });
});
