// Stateless passkey sign-in challenges against a real, freshly migrated
// database (both kinds when TEST_POSTGRES_URL is set): issuing writes
// nothing; a challenge, and a whole signed assertion, work once; expiry.
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

// Audit events need a request (its address and user agent); here they are only counted.
const audited = vi.hoisted(() => [] as { action: string; detail?: string }[]);
vi.mock("@/lib/audit/record-event", () => ({
  recordAuditEvent: async (event: { action: string; detail?: string }) => void audited.push(event),
}));

const SECRET = "a-test-secret-that-is-long-enough-for-hkdf-0123";
const TTL_MS = 5 * 60_000;
const ORIGIN = "http://localhost:3000";

/** A P-256 authenticator that signs assertions, as a browser's would (counter 0, as synced passkeys report). */
function fakeAuthenticator() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const cose = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, Buffer.from(jwk.x as string, "base64url")],
    [-3, Buffer.from(jwk.y as string, "base64url")],
  ]);
  const id = Buffer.from("test-credential-id").toString("base64url");
  function assert(challenge: string): AuthenticationResponseJSON {
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: "webauthn.get", challenge: Buffer.from(challenge, "utf8").toString("base64url"), origin: ORIGIN, crossOrigin: false }),
    );
    const rpIdHash = createHash("sha256").update("localhost").digest();
    // Flags: user present and user verified; signature counter 0.
    const authenticatorData = Buffer.concat([rpIdHash, Buffer.from([0x05]), Buffer.alloc(4)]);
    const signed = Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]);
    const signature = sign("sha256", signed, privateKey);
    return {
      id,
      rawId: id,
      type: "public-key",
      response: {
        clientDataJSON: clientDataJSON.toString("base64url"),
        authenticatorData: authenticatorData.toString("base64url"),
        signature: signature.toString("base64url"),
      },
      clientExtensionResults: {},
    };
  }
  return { id, publicKey: new Uint8Array(isoCBOR.encode(cose)), assert };
}

describe.each(testDatabases())("passkey sign-in challenges on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db").db;
  let challenges: typeof import("@/lib/passkeys/sign-in-challenge");

  beforeAll(async () => {
    database = await createDatabase();
    vi.stubEnv("AUTH_SECRET", SECRET);
    useTestDatabase(database);
    db = (await import("@/lib/db")).db;
    challenges = await import("@/lib/passkeys/sign-in-challenge");
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await releaseTestDatabase(database);
  });

  it("issues challenges without writing a row, each different", async () => {
    const { issueChallenge } = await import("@/lib/passkeys/challenges");
    const before = await db.oneTimeToken.count();
    const issued = await Promise.all(Array.from({ length: 40 }, () => issueChallenge("authentication", null)));
    expect(new Set(issued).size).toBe(40);
    expect(await db.oneTimeToken.count()).toBe(before);
  });

  it("redeems a challenge once: a replay, or a second of racing redemptions, is refused", async () => {
    const challenge = challenges.issueSignInChallenge(TTL_MS);
    expect(await challenges.redeemSignInChallenge(challenge)).toBe(true);
    expect(await challenges.redeemSignInChallenge(challenge)).toBe(false);

    const raced = challenges.issueSignInChallenge(TTL_MS);
    const results = await Promise.all(Array.from({ length: 10 }, () => challenges.redeemSignInChallenge(raced)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("refuses an expired challenge", async () => {
    const issuedAt = new Date("2026-06-01T12:00:00Z");
    const later = (ms: number) => new Date(issuedAt.getTime() + ms);
    const challenge = challenges.issueSignInChallenge(TTL_MS, issuedAt);
    expect(await challenges.redeemSignInChallenge(challenge, later(TTL_MS))).toBe(false);
    expect(await challenges.redeemSignInChallenge(challenge, later(TTL_MS + 60_000))).toBe(false);
    expect(await challenges.redeemSignInChallenge(challenge, later(TTL_MS - 1_000))).toBe(true);
  });

  it("refuses a forged or altered challenge, and one signed with a secret no longer configured", async () => {
    const genuine = challenges.issueSignInChallenge(TTL_MS);
    const [version, , nonce, mac] = genuine.split(".");
    const laterExpiry = (Date.now() + 24 * 60 * 60_000).toString(36);
    for (const forged of [`${version}.${laterExpiry}.${nonce}.${mac}`, `${genuine}x`, "s1.abc.def.ghi", "", "not a challenge", `${genuine}.more`]) {
      expect(await challenges.redeemSignInChallenge(forged)).toBe(false);
    }
    const underOldSecret = challenges.issueSignInChallenge(TTL_MS, new Date(), ["an-old-secret-that-was-rotated-away-000000"]);
    expect(await challenges.redeemSignInChallenge(underOldSecret)).toBe(false);
    // During a rotation (AUTH_SECRET_1 added), a challenge made under the old AUTH_SECRET still works.
    expect(await challenges.redeemSignInChallenge(challenges.issueSignInChallenge(TTL_MS), new Date(), ["new-secret-0000000000000000000000000", SECRET])).toBe(
      true,
    );
  });

  it("signs in with a passkey's assertion once: the same assertion replayed is refused", async () => {
    const { checkPasskey } = await import("@/lib/passkeys/authentication");
    const { passkeyAuthenticationOptions } = await import("@/lib/passkeys/authentication");
    const authenticator = fakeAuthenticator();
    const user = await db.user.create({ data: { email: "pat@example.com", name: "Pat" } });
    await db.passkey.create({
      data: {
        id: authenticator.id,
        userId: user.id,
        name: "Laptop",
        publicKey: authenticator.publicKey,
        counter: 0n,
        transports: "internal",
        deviceType: "multiDevice",
        backedUp: true,
      },
    });
    const options = await passkeyAuthenticationOptions(null);
    expect(options?.rpId).toBe("localhost");
    const challenge = Buffer.from(options?.challenge ?? "", "base64url").toString("utf8");
    const response = authenticator.assert(challenge);

    expect(await checkPasskey(response, null)).toMatchObject({ ok: true, user: { id: user.id } });
    // Counter 0 both times (allowed for synced passkeys): only the spent challenge stops the replay.
    expect(await checkPasskey(response, null)).toEqual({ ok: false, message: "That passkey did not work. Try again, or sign in with your password." });
    expect(audited.at(-1)).toMatchObject({ action: "passkey.failed", detail: expect.stringContaining("challenge") });
  });
});
