import "server-only";
import { cookies } from "next/headers";
import type { NextAuthConfig } from "next-auth";
import { currentRequestInfo } from "@/lib/request/info";
import { SESSION_COOKIE_NAMES, sessionCookieName } from "@/lib/sessions/token";

/**
 * The browser-key cookie has no expiry, so it ends with the browser run. The
 * session record keeps its hash: a session without "Remember me" needs it to
 * be valid at all, and any session needs it to be fresh. Behind HTTPS it
 * carries the __Host- prefix: Secure, this host only, path /.
 */
const BROWSER_KEY_COOKIES = { secure: "__Host-latchkey-browser", plain: "latchkey-browser" } as const;

export async function setBrowserKeyCookie(browserKey: string, secure: boolean): Promise<void> {
  const name = secure ? BROWSER_KEY_COOKIES.secure : BROWSER_KEY_COOKIES.plain;
  (await cookies()).set(name, browserKey, { httpOnly: true, sameSite: "lax", path: "/", secure });
}

/** Only the name for the request's scheme, as with the session token. */
export async function readBrowserKey(): Promise<string | null> {
  const { secure } = await currentRequestInfo();
  return (await cookies()).get(secure ? BROWSER_KEY_COOKIES.secure : BROWSER_KEY_COOKIES.plain)?.value ?? null;
}

/**
 * Auth.js's cookie settings for this request: the same scheme rule
 * (lib/request/secure.ts) and the same session cookie name as ours, so
 * the token Auth.js writes at a Credentials sign-in is the one we read (its
 * name is the token's key-derivation salt). Left to itself, Auth.js would
 * name it __Secure-, which a sibling subdomain could plant.
 */
export async function authJsCookieSettings(): Promise<Pick<NextAuthConfig, "useSecureCookies" | "cookies">> {
  const { secure } = await currentRequestInfo();
  return {
    useSecureCookies: secure,
    cookies: { sessionToken: { name: sessionCookieName(secure), options: { httpOnly: true, sameSite: "lax", path: "/", secure } } },
  };
}

/**
 * Writes the session token cookie: with "Remember me" for `maxAgeSeconds`,
 * without it as a browser-run cookie (no expiry date).
 */
export async function setSessionTokenCookie(
  token: string,
  options: { secure: boolean; remember: boolean; maxAgeSeconds: number },
): Promise<void> {
  (await cookies()).set(sessionCookieName(options.secure), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secure,
    ...(options.remember ? { maxAge: options.maxAgeSeconds } : {}),
  });
}

export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of [...Object.values(SESSION_COOKIE_NAMES), ...Object.values(BROWSER_KEY_COOKIES)]) {
    // A __Secure- or __Host- cookie can only be overwritten (here: expired) by a Secure one.
    if (jar.has(name)) jar.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__") });
  }
}
