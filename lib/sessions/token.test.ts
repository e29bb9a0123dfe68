import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { encodeSessionToken, readSessionClaims, SESSION_COOKIE_NAMES } from "@/lib/sessions/token";

const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
const PLAIN = SESSION_COOKIE_NAMES.plain;
const SECURE = SESSION_COOKIE_NAMES.secure;
const claims = { userId: "user-1", sessionId: "session-1" };
const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];

describe("readSessionClaims", () => {
  it("reads tokens written by Auth.js's own encode, under the name for the request's scheme, again and again", async () => {
    for (const [salt, secure] of [[PLAIN, false], [SECURE, true]] as const) {
      const token = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt });
      for (let i = 0; i < 3; i++) {
        await expect(readSessionClaims(jar({ [salt]: token }), secure, SECRET)).resolves.toEqual(claims);
      }
    }
  });

  it("behind HTTPS reads only the __Host- cookie: a valid __Secure- or plain token is not a session", async () => {
    expect(SECURE).toBe("__Host-authjs.session-token");
    const legacy = "__Secure-authjs.session-token";
    const planted = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt: legacy });
    await expect(readSessionClaims(jar({ [legacy]: planted }), true, SECRET)).resolves.toBeNull();
    const plain = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt: PLAIN });
    await expect(readSessionClaims(jar({ [PLAIN]: plain }), true, SECRET)).resolves.toBeNull();
    // And over plain HTTP, never the __Host- one.
    const secure = await encodeSessionToken(claims, { secure: true, maxAgeSeconds: 60, secret: SECRET });
    await expect(readSessionClaims(jar({ [SECURE]: secure }), false, SECRET)).resolves.toBeNull();
    await expect(readSessionClaims(jar({ [SECURE]: secure }), true, SECRET)).resolves.toEqual(claims);
  });

  it("writes tokens that Auth.js's own decode reads", async () => {
    const token = await encodeSessionToken(claims, { secure: false, maxAgeSeconds: 60, secret: SECRET });
    await expect(decode({ token, secret: SECRET, salt: PLAIN })).resolves.toMatchObject({ sub: "user-1", sid: "session-1" });
  });

  it("refuses a token made with another secret, under another cookie name, tampered with, or expired", async () => {
    const token = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt: PLAIN });
    await expect(readSessionClaims(jar({ [PLAIN]: token }), false, `${SECRET}-other`)).resolves.toBeNull();
    await expect(readSessionClaims(jar({ [SECURE]: token }), true, SECRET)).resolves.toBeNull();
    const parts = token.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    const tampered = [...parts.slice(0, 3), flipped, parts[4]].join(".");
    await expect(readSessionClaims(jar({ [PLAIN]: tampered }), false, SECRET)).resolves.toBeNull();
    const expired = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt: PLAIN, maxAge: -60 });
    await expect(readSessionClaims(jar({ [PLAIN]: expired }), false, SECRET)).resolves.toBeNull();
  });

  it("reads tokens made under any secret of a rotation, as Auth.js does with its list", async () => {
    const NEW = `${SECRET}-new`;
    const old = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt: PLAIN });
    const fresh = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: [NEW, SECRET], salt: PLAIN });
    await expect(readSessionClaims(jar({ [PLAIN]: old }), false, [NEW, SECRET])).resolves.toEqual(claims);
    await expect(readSessionClaims(jar({ [PLAIN]: fresh }), false, [NEW, SECRET])).resolves.toEqual(claims);
    // Once the old secret is dropped, its tokens no longer read; the new ones do.
    await expect(readSessionClaims(jar({ [PLAIN]: old }), false, [NEW])).resolves.toBeNull();
    await expect(readSessionClaims(jar({ [PLAIN]: fresh }), false, [NEW])).resolves.toEqual(claims);
  });

  it("writes with the newest secret of AUTH_SECRET_1..3 and AUTH_SECRET", async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    vi.stubEnv("AUTH_SECRET_1", `${SECRET}-new`);
    try {
      const token = await encodeSessionToken(claims, { secure: false, maxAgeSeconds: 60 });
      await expect(readSessionClaims(jar({ [PLAIN]: token }), false, [`${SECRET}-new`])).resolves.toEqual(claims);
      await expect(readSessionClaims(jar({ [PLAIN]: token }), false)).resolves.toEqual(claims);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("needs both the user id and the session id, a secret, and a cookie", async () => {
    const noSid = await encode({ token: { sub: "user-1" }, secret: SECRET, salt: PLAIN });
    await expect(readSessionClaims(jar({ [PLAIN]: noSid }), false, SECRET)).resolves.toBeNull();
    await expect(readSessionClaims(jar({ [PLAIN]: "garbage" }), false, SECRET)).resolves.toBeNull();
    await expect(readSessionClaims(jar({}), false, SECRET)).resolves.toBeNull();
    const token = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET, salt: PLAIN });
    await expect(readSessionClaims(jar({ [PLAIN]: token }), false, "")).resolves.toBeNull();
  });
});

describe("readSessionClaims: verified tokens remembered", () => {
  it("still refuses a remembered token once it expires, and a remembered token under another secret", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z"), toFake: ["Date"] });
    try {
      const token = await encode({ token: { sub: "user-2", sid: "session-2" }, secret: SECRET, salt: PLAIN, maxAge: 60 });
      await expect(readSessionClaims(jar({ [PLAIN]: token }), false, SECRET)).resolves.toEqual({ userId: "user-2", sessionId: "session-2" });
      await expect(readSessionClaims(jar({ [PLAIN]: token }), false, `${SECRET}-other`)).resolves.toBeNull();
      vi.setSystemTime(new Date("2026-01-01T00:01:30Z"));
      await expect(readSessionClaims(jar({ [PLAIN]: token }), false, SECRET)).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
