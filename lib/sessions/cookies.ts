import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-token";

/**
 * The browser-key cookie has no expiry, so it ends with the browser run. The
 * session record keeps its hash: a session without "Remember me" needs it to
 * be valid at all, and any session needs it to be fresh.
 */
export const BROWSER_KEY_COOKIE = "latchkey-browser";

export async function setBrowserKeyCookie(browserKey: string, secure: boolean): Promise<void> {
  (await cookies()).set(BROWSER_KEY_COOKIE, browserKey, { httpOnly: true, sameSite: "lax", path: "/", secure });
}

export async function readBrowserKey(): Promise<string | null> {
  return (await cookies()).get(BROWSER_KEY_COOKIE)?.value ?? null;
}

/**
 * Auth.js always gives its session cookie an expiry date; without "Remember
 * me" it is re-set here without one, so the browser drops it on exit.
 */
export async function endSessionCookieWithBrowser(secure: boolean): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (value) jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: secure || name.startsWith("__Secure-") });
  }
}

export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of [...SESSION_COOKIE_NAMES, BROWSER_KEY_COOKIE]) {
    // A __Secure- cookie can only be overwritten (here: expired) by a Secure one.
    if (jar.has(name)) jar.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-") });
  }
}
