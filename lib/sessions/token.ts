import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import { authSecrets } from "@/lib/security/auth-secrets";

/**
 * Reading the session token: the encrypted Auth.js JWT in the session cookie,
 * which carries the user id and the id of the server-side session record.
 * Edge-safe (Web Crypto only): middleware uses it for its optimistic check,
 * and lib/auth/session.ts before the authoritative one.
 */
export const SESSION_COOKIE_NAMES = { secure: "__Host-authjs.session-token", plain: "authjs.session-token" } as const;

/**
 * Behind HTTPS the __Host- name (Secure, no Domain, Path=/): a sibling
 * subdomain can plant a __Secure- cookie for this host, never a __Host- one.
 * Only the name for the request's scheme is ever read, so neither a planted
 * __Secure- token nor a plain one sent over HTTPS is taken for a session.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIE_NAMES.secure : SESSION_COOKIE_NAMES.plain;
}

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

// Auth.js's token format (@auth/core/jwt): "dir" key management, A256CBC-HS512
// content encryption (A256GCM also accepted), the key derived from the secret
// with HKDF-SHA-256, the cookie name as salt, and a JWK thumbprint as `kid`.
const CONTENT_ENCRYPTION = { "A256CBC-HS512": 64, A256GCM: 32 } as const;
type ContentEncryption = keyof typeof CONTENT_ENCRYPTION;

interface DerivedKey {
  key: Uint8Array;
  kid: string;
}

/**
 * Auth.js's `decode` derives the key with HKDF and hashes its thumbprint on
 * every call, a third of the cost of reading a token. Both depend only on the
 * secret, the salt and the algorithm, so they are derived once per process.
 * Only a handful of entries can ever exist (two cookie names, two algorithms,
 * the configured secret); the bound is a guard.
 */
const derivedKeys = new Map<string, Promise<DerivedKey>>();
const MAX_DERIVED_KEYS = 16;

async function deriveKey(enc: ContentEncryption, secret: string, salt: string): Promise<DerivedKey> {
  const text = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", text.encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: text.encode(salt), info: text.encode(`Auth.js Generated Encryption Key (${salt})`) },
    material,
    CONTENT_ENCRYPTION[enc] * 8,
  );
  const key = new Uint8Array(bits);
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha512");
  return { key, kid };
}

function derivedKey(enc: string | undefined, secret: string, salt: string): Promise<DerivedKey> {
  if (enc !== "A256CBC-HS512" && enc !== "A256GCM") throw new Error("Unsupported JWT Content Encryption Algorithm");
  const cacheKey = `${enc}\u0000${salt}\u0000${secret}`;
  let entry = derivedKeys.get(cacheKey);
  if (!entry) {
    if (derivedKeys.size >= MAX_DERIVED_KEYS) derivedKeys.clear();
    entry = deriveKey(enc, secret, salt);
    derivedKeys.set(cacheKey, entry);
    // A failed derivation is not worth keeping.
    entry.catch(() => derivedKeys.delete(cacheKey));
  }
  return entry;
}

/**
 * Tokens already decrypted and verified, with their claims. A token is
 * authenticated ciphertext: the same string under the same secret and salt
 * always yields the same claims, so a browser sending its cookie again (to
 * middleware, then to the page) need not be decrypted again. Only tokens that
 * verified get in, so a forged one always takes the full check; the expiry
 * is checked on every read. Least recently used entries go first.
 */
interface VerifiedToken {
  userId: string;
  sessionId: string;
  /** Seconds since the epoch, as in the token. */
  expiresAt: number;
}

const verifiedTokens = new Map<string, VerifiedToken>();
const MAX_VERIFIED_TOKENS = 2_000;
const CLOCK_TOLERANCE_SECONDS = 15;

function cachedClaims(cacheKey: string): SessionClaims | null {
  const entry = verifiedTokens.get(cacheKey);
  if (!entry) return null;
  verifiedTokens.delete(cacheKey);
  if (Date.now() / 1000 - CLOCK_TOLERANCE_SECONDS >= entry.expiresAt) return null;
  verifiedTokens.set(cacheKey, entry);
  return { userId: entry.userId, sessionId: entry.sessionId };
}

function rememberClaims(cacheKey: string, entry: VerifiedToken): void {
  if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) {
    const oldest = verifiedTokens.keys().next().value;
    if (oldest !== undefined) verifiedTokens.delete(oldest);
  }
  verifiedTokens.set(cacheKey, entry);
}

/** The claims of an Auth.js session token, checked exactly as Auth.js's `decode` checks them. */
async function decodeSessionToken(token: string, secret: string, salt: string) {
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const derived = await derivedKey(enc, secret, salt);
      if (kid !== undefined && kid !== derived.kid) throw new Error("no matching decryption secret");
      return derived.key;
    },
    { clockTolerance: CLOCK_TOLERANCE_SECONDS, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
  );
  return payload;
}

/**
 * The claims of the session cookie, or null. Every configured secret is tried
 * (AUTH_SECRET rotation: lib/security/auth-secrets.ts), newest first, as
 * Auth.js's own `decode` does.
 */
export async function readSessionClaims(
  getCookie: (name: string) => string | undefined,
  secure: boolean,
  secret: string | string[] = authSecrets(),
): Promise<SessionClaims | null> {
  const secrets = (Array.isArray(secret) ? secret : [secret]).filter(Boolean);
  const name = sessionCookieName(secure);
  const token = getCookie(name);
  if (secrets.length === 0 || !token) return null;
  const cacheKey = `${name}\u0000${secrets.join("\u0000")}\u0000${token}`;
  const cached = cachedClaims(cacheKey);
  if (cached) return cached;
  for (const candidate of secrets) {
    try {
      // The cookie name is the key-derivation salt, as Auth.js does it.
      const claims = await decodeSessionToken(token, candidate, name);
      if (typeof claims.sub !== "string" || typeof claims.sid !== "string") return null;
      // Auth.js always sets exp; a token without one is not worth remembering.
      if (typeof claims.exp === "number") {
        rememberClaims(cacheKey, { userId: claims.sub, sessionId: claims.sid, expiresAt: claims.exp });
      }
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      // Tampered, expired or encrypted with another secret: try the next one.
    }
  }
  return null;
}

/** A new session token for `claims`, as Auth.js would write it, for rotating a session. */
export async function encodeSessionToken(
  claims: SessionClaims & { role?: string },
  options: { secure: boolean; maxAgeSeconds: number; secret?: string },
): Promise<string> {
  // The newest secret, as Auth.js encrypts with.
  const secret = options.secret ?? authSecrets()[0];
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const salt = sessionCookieName(options.secure);
  return encode({
    token: { sub: claims.userId, sid: claims.sessionId, role: claims.role },
    secret,
    salt,
    maxAge: options.maxAgeSeconds,
  });
}
