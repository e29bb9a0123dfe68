import "server-only";
import { cookies } from "next/headers";
import { currentRequestInfo } from "@/lib/request/info";

/**
 * Where a short-lived one-time token (lib/tokens/one-time-token.ts) keeps its
 * only copy: an httpOnly cookie of this browser, `__Host-` behind HTTPS
 * (Secure, this host only, path /, so no sibling subdomain can plant one).
 * Lax: a provider's redirect back, a top-level GET, carries it.
 */
function cookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

export async function setTokenCookie(name: string, token: string, ttlMs: number): Promise<void> {
  const { secure } = await currentRequestInfo();
  (await cookies()).set(cookieName(name, secure), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: ttlMs / 1000,
  });
}

/** Only the name for the request's scheme: behind HTTPS, the __Host- cookie. */
export async function readTokenCookie(name: string): Promise<string | undefined> {
  const { secure } = await currentRequestInfo();
  return (await cookies()).get(cookieName(name, secure))?.value;
}

/** Expires both names (a __Host- cookie can only be overwritten by a Secure one). */
export async function clearTokenCookie(name: string): Promise<void> {
  const jar = await cookies();
  for (const secure of [true, false]) {
    const named = cookieName(name, secure);
    if (jar.has(named)) jar.set(named, "", { path: "/", maxAge: 0, secure });
  }
}
