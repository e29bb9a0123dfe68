import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashCost, hashPassword, needsRehash, verifyAgainstDummyHash, verifyPassword } from "@/lib/passwords/password";
import { bcryptWork } from "@/lib/passwords/password-pool";

// The lowest cost the app allows; bcryptjs is pure JavaScript, so keep it cheap.
const COST = 10;
// Each bcrypt operation at cost 10 takes tens of milliseconds in pure JS.
const SLOW = 20_000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hashPassword / verifyPassword", () => {
  it(
    "round-trips: a password verifies against its own hash, and a wrong one does not",
    async () => {
      const hash = await hashPassword("correct horse battery staple", COST);
      expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
      expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
      expect(await verifyPassword("Correct horse battery staple", hash)).toBe(false);
      expect(await verifyPassword("", hash)).toBe(false);
    },
    SLOW,
  );

  it(
    "produces a standard bcrypt hash whose cost hashCost reads back",
    async () => {
      const hash = await hashPassword("s3cret-password", COST);
      expect(hash).toMatch(/^\$2[aby]\$10\$[./A-Za-z0-9]{53}$/);
      expect(hashCost(hash)).toBe(COST);

      const cheaper = await hashPassword("s3cret-password", 4);
      expect(hashCost(cheaper)).toBe(4);
    },
    SLOW,
  );

  it(
    "salts every hash, so hashing the same password twice gives different hashes that both verify",
    async () => {
      const first = await hashPassword("same password", COST);
      const second = await hashPassword("same password", COST);
      expect(first).not.toBe(second);
      // The salt is the 22 characters after "$2b$10$".
      expect(first.slice(7, 29)).not.toBe(second.slice(7, 29));
      expect(await verifyPassword("same password", first)).toBe(true);
      expect(await verifyPassword("same password", second)).toBe(true);
    },
    SLOW,
  );

  it(
    "pre-hashes with SHA-256: bcrypt sees the base64 digest, never the raw password",
    async () => {
      const password = "pre-hash me please";
      const hash = await hashPassword(password, COST);
      const digest = createHash("sha256").update(password, "utf8").digest("base64");
      expect(digest).toHaveLength(44);
      expect(await bcrypt.compare(digest, hash)).toBe(true);
      expect(await bcrypt.compare(password, hash)).toBe(false);
    },
    SLOW,
  );

  it(
    "does not let passwords that share their first 72 bytes match each other",
    async () => {
      const prefix = "x".repeat(72);
      const original = `${prefix}-the-real-ending`;
      const impostor = `${prefix}-a-different-ending`;
      expect(Buffer.byteLength(prefix, "utf8")).toBe(72);

      // Sanity check that this test exercises the truncation: plain bcrypt
      // ignores everything after byte 72, so it would accept the impostor.
      const plain = await bcrypt.hash(original, 4);
      expect(await bcrypt.compare(impostor, plain)).toBe(true);

      const hash = await hashPassword(original, COST);
      expect(await verifyPassword(original, hash)).toBe(true);
      expect(await verifyPassword(impostor, hash)).toBe(false);
      expect(await verifyPassword(prefix, hash)).toBe(false);
    },
    SLOW,
  );

  it(
    "treats multi-byte characters past byte 72 as significant",
    async () => {
      // 24 three-byte characters fill exactly 72 bytes.
      const prefix = "€".repeat(24);
      expect(Buffer.byteLength(prefix, "utf8")).toBe(72);
      const hash = await hashPassword(`${prefix}🔑`, COST);
      expect(await verifyPassword(`${prefix}🔑`, hash)).toBe(true);
      expect(await verifyPassword(`${prefix}🔒`, hash)).toBe(false);
    },
    SLOW,
  );

  it(
    "round-trips a long multi-byte Unicode passphrase",
    async () => {
      const passphrase = "🔐 Ünïcödé pässphräse — 日本語のパスワード — ñandú 🦜🌍 çà et là, élève 🎉🎉";
      expect(Buffer.byteLength(passphrase, "utf8")).toBeGreaterThan(72);
      const hash = await hashPassword(passphrase, COST);
      expect(await verifyPassword(passphrase, hash)).toBe(true);
      // Drop the final emoji: same first 72+ bytes, different password.
      expect(await verifyPassword(passphrase.slice(0, -2), hash)).toBe(false);
      // One accent different.
      expect(await verifyPassword(passphrase.replace("Ünïcödé", "Unïcödé"), hash)).toBe(false);
    },
    SLOW,
  );

  it(
    "does not stop at a NUL character in the password",
    async () => {
      const hash = await hashPassword("before\u0000after", COST);
      expect(await verifyPassword("before\u0000after", hash)).toBe(true);
      expect(await verifyPassword("before\u0000other", hash)).toBe(false);
      expect(await verifyPassword("before", hash)).toBe(false);
    },
    SLOW,
  );

  it(
    "verifies a 1000-character password (the maximum the forms accept)",
    async () => {
      const password = "p".repeat(999) + "!";
      const hash = await hashPassword(password, COST);
      expect(await verifyPassword(password, hash)).toBe(true);
      expect(await verifyPassword("p".repeat(999) + "?", hash)).toBe(false);
    },
    SLOW,
  );
});

describe("hashCost", () => {
  it("reads the cost out of existing bcrypt hashes", () => {
    expect(hashCost(bcrypt.hashSync("x", 4))).toBe(4);
    expect(hashCost(bcrypt.hashSync("x", 5))).toBe(5);
  });
});

describe("verifyAgainstDummyHash", () => {
  it(
    "always resolves to false, even for the password behind the dummy hash",
    async () => {
      await expect(verifyAgainstDummyHash("any password", COST)).resolves.toBe(false);
      await expect(verifyAgainstDummyHash("", COST)).resolves.toBe(false);
      await expect(verifyAgainstDummyHash("latchkey-dummy-password-never-matches", COST)).resolves.toBe(false);
    },
    SLOW,
  );

  it(
    "really runs a bcrypt comparison at the requested cost, so it takes as long as a real check",
    async () => {
      const compare = vi.spyOn(bcryptWork, "compare");
      await expect(verifyAgainstDummyHash("guess", COST)).resolves.toBe(false);
      expect(compare).toHaveBeenCalledTimes(1);
      const [candidate, hash] = compare.mock.calls[0] as [string, string];
      expect(candidate).toBe(createHash("sha256").update("guess", "utf8").digest("base64"));
      expect(hashCost(hash)).toBe(COST);
    },
    SLOW,
  );
});

describe("needsRehash", () => {
  const hashAt4 = bcrypt.hashSync("x", 4);

  it("is false when the hash was made at the configured cost", () => {
    expect(needsRehash(hashAt4, 4)).toBe(false);
  });

  it("is true when the configured cost is higher or lower than the hash's", () => {
    expect(needsRehash(hashAt4, 12)).toBe(true);
    expect(needsRehash(bcrypt.hashSync("x", 5), 4)).toBe(true);
  });

  it("reads the cost from $2a$ and $2y$ hashes made by other bcrypt libraries too", () => {
    const hash2a = hashAt4.replace(/^\$2b\$/, "$2a$");
    const hash2y = hashAt4.replace(/^\$2b\$/, "$2y$");
    expect(needsRehash(hash2a, 4)).toBe(false);
    expect(needsRehash(hash2y, 12)).toBe(true);
  });
});

describe("bcrypt off the main thread", () => {
  it(
    "keeps the event loop turning while a password is hashed and checked",
    async () => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const start = performance.now();
      const hash = await hashPassword("a password", COST);
      expect(await verifyPassword("a password", hash)).toBe(true);
      const elapsed = performance.now() - start;
      clearInterval(timer);
      // A blocked loop ticks once or twice at most (between the hash and the
      // check); a free one about every 5 ms, fewer on a loaded machine, whose
      // timers run late: the floor tells the two apart without timing the machine.
      expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 5 / 3));
    },
    SLOW,
  );
});
