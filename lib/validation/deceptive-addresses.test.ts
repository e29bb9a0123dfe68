// Addresses that are not what they seem: one parser reads one mailbox, the
// mail library another (Auth.js GHSA-7rqj-j65f-68wh, nodemailer
// GHSA-5jpx-9hw9-2fx4). Every schema that takes an address refuses them, and
// whatever an accepted address is, nodemailer's parser reads exactly it.
import fc from "fast-check";
import addressparser from "nodemailer/lib/addressparser";
import { describe, expect, it } from "vitest";
import { emailField, isCanonicalEmail } from "@/lib/validation/email";
import { registerSchema } from "@/lib/validation/register";
import { forgotPasswordSchema } from "@/lib/validation/forgot-password";
import { emailChangeSchema } from "@/lib/validation/email-change";
import { createUserArgsSchema } from "@/lib/validation/create-user";

const INVALID = "Enter a valid email address, like name@example.com.";

const DECEPTIVE_ADDRESSES = [
  '"a@evil.test"@victim.test',
  '"victim"@victim.test',
  "a\\@evil.test@victim.test",
  "victim＠evil.test",
  "a＠evil.test@victim.test",
  "victim@victim.test＠evil.test",
  "ｖictim@victim.test",
  "victim@vіctim.test",
  "Victim <a@evil.test>",
  "victim@victim.test <a@evil.test>",
  "a@evil.test,victim@victim.test",
  "a@evil.test;victim@victim.test",
  "victim@victim.test\r\nBcc: a@evil.test",
  "victim(a@evil.test)@victim.test",
  "victim@victim.test(a@evil.test)",
  "@evil.test:victim@victim.test",
  "victim@[127.0.0.1]",
  "a@evil.test\u0000@victim.test",
];

const password = "correct horse battery staple";
const paths = [
  ["registration", (email: string) => registerSchema.safeParse({ name: "Val", email, password, confirmPassword: password }), "email"],
  ["password reset", (email: string) => forgotPasswordSchema.safeParse({ email }), "email"],
  ["email change", (email: string) => emailChangeSchema.safeParse({ newEmail: email, currentPassword: password }), "newEmail"],
  ["user:create", (email: string) => createUserArgsSchema.safeParse({ email, password, name: "Val", admin: false }), "email"],
] as const;

describe.each(paths)("the %s schema", (_path, parse, field) => {
  it.each(DECEPTIVE_ADDRESSES)("refuses %j with a message on its address field", (address) => {
    const result = parse(address);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message: INVALID }));
  });

  it("accepts a plain address, normalised", () => {
    const result = parse("  Val.Smith+tag@Victim.Test ");
    expect(result.success).toBe(true);
    expect((result.data as Record<string, unknown>)[field]).toBe("val.smith+tag@victim.test");
  });
});

describe("canonical addresses", () => {
  it("are what emailField stores: trimmed, lower-case, plain", () => {
    expect(isCanonicalEmail("val@victim.test")).toBe(true);
    expect(isCanonicalEmail("Val@victim.test")).toBe(false);
    expect(isCanonicalEmail(" val@victim.test")).toBe(false);
    for (const address of DECEPTIVE_ADDRESSES) expect(isCanonicalEmail(address)).toBe(false);
  });

  it("are read by nodemailer as exactly one recipient, the same address", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (generated) => {
        const parsed = emailField.safeParse(generated);
        if (!parsed.success) return;
        expect(addressparser(parsed.data)).toEqual([{ address: parsed.data, name: "" }]);
      }),
      { numRuns: 500 },
    );
  });
});
