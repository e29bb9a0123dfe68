import { decode, encode } from "next-auth/jwt";

/**
 * Reading the session token: the encrypted Auth.js JWT in the session cookie,
 * which carries the user id and the id of the server-side session record.
 * Edge-safe (Web Crypto only): middleware uses it for its optimistic check,
 * and lib/auth/session.ts before the authoritative one.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

export async function readSessionClaims(
  getCookie: (name: string) => string | undefined,
  secret: string | undefined = process.env.AUTH_SECRET,
): Promise<SessionClaims | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const token = getCookie(name);
    if (!token) continue;
    try {
      // The cookie name is the key-derivation salt, as Auth.js does it.
      const claims = await decode({ token, secret, salt: name });
      if (typeof claims?.sub === "string" && typeof claims.sid === "string") {
        return { userId: claims.sub, sessionId: claims.sid };
      }
    } catch {
      // Tampered, expired or encrypted with another secret: no session.
    }
    return null;
  }
  return null;
}

/** A new session token for `claims`, as Auth.js would write it, for rotating a session. */
export async function encodeSessionToken(
  claims: SessionClaims & { role?: string },
  options: { secure: boolean; maxAgeSeconds: number; secret?: string },
): Promise<string> {
  const secret = options.secret ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const salt = options.secure ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1];
  return encode({
    token: { sub: claims.userId, sid: claims.sessionId, role: claims.role },
    secret,
    salt,
    maxAge: options.maxAgeSeconds,
  });
}
