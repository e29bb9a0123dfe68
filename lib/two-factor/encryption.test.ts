import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/two-factor/encryption";
import { authSecrets } from "@/lib/security/auth-secrets";

const OLD = "an-old-secret-that-was-rotated-away-0123456789";
const NEW = "the-current-secret-after-rotation-abcdefghijkl";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("TOTP secret encryption", () => {
  it("round-trips, and never stores the secret in the clear", () => {
    const stored = encryptSecret(SECRET, "user-1", [NEW]);
    expect(stored).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(stored).not.toContain(SECRET);
    expect(decryptSecret(stored, "user-1", [NEW])).toEqual({ plain: SECRET, stale: false });
  });

  it("uses a new IV every time", () => {
    expect(encryptSecret(SECRET, "user-1", [NEW])).not.toBe(encryptSecret(SECRET, "user-1", [NEW]));
  });

  it("is bound to its user: a ciphertext copied to another account does not open", () => {
    expect(decryptSecret(encryptSecret(SECRET, "user-1", [NEW]), "user-2", [NEW])).toBeNull();
  });

  it("refuses a tampered ciphertext, IV or tag, and malformed values", () => {
    const stored = encryptSecret(SECRET, "user-1", [NEW]);
    const [version, iv, body] = stored.split(".") as [string, string, string];
    const flip = (text: string, at: number) => {
      const bytes = Buffer.from(text, "base64url");
      bytes[at] = (bytes[at] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    expect(decryptSecret(`${version}.${flip(iv, 0)}.${body}`, "user-1", [NEW])).toBeNull();
    expect(decryptSecret(`${version}.${iv}.${flip(body, 0)}`, "user-1", [NEW])).toBeNull();
    expect(decryptSecret(`${version}.${iv}.${flip(body, Buffer.from(body, "base64url").length - 1)}`, "user-1", [NEW])).toBeNull();
    for (const junk of ["", "v1", "v2.a.b", `v1.${iv}`, "v1..", SECRET]) expect(decryptSecret(junk, "user-1", [NEW])).toBeNull();
  });

  it("opens a value made under an older secret while it is still configured, and says it is stale", () => {
    const stored = encryptSecret(SECRET, "user-1", [OLD]);
    expect(decryptSecret(stored, "user-1", [NEW, OLD])).toEqual({ plain: SECRET, stale: true });
    // Once the old secret is dropped from the list, values still under it cannot be read.
    expect(decryptSecret(stored, "user-1", [NEW])).toBeNull();
  });

  it("refuses to work without any secret", () => {
    expect(() => encryptSecret(SECRET, "user-1", [])).toThrow(/AUTH_SECRET/);
  });
});

describe("authSecrets", () => {
  it("lists the secrets as Auth.js does: AUTH_SECRET_3, _2, _1, then AUTH_SECRET; the first encrypts", () => {
    expect(authSecrets({ AUTH_SECRET: "a", AUTH_SECRET_1: "b", AUTH_SECRET_2: "c", AUTH_SECRET_3: "d" })).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
    expect(authSecrets({ AUTH_SECRET: NEW, AUTH_SECRET_1: OLD })).toEqual([OLD, NEW]);
    expect(authSecrets({ AUTH_SECRET: NEW })).toEqual([NEW]);
    expect(authSecrets({})).toEqual([]);
  });
});
