/**
 * Whether a request reached the app over HTTPS, for every cookie's name and
 * Secure flag (the session token, the browser key, the half-way steps, and
 * Auth.js's own cookies, lib/auth-js/auth.ts): the public URL says so
 * (AUTH_URL=https://…), or the proxy in front does (X-Forwarded-Proto). The
 * server itself speaks plain HTTP. Edge-safe: middleware uses it too.
 */
export function isSecureRequest(forwardedProto: string | null, publicUrl: string | undefined): boolean {
  return (publicUrl ?? "").startsWith("https:") || forwardedProto === "https";
}
