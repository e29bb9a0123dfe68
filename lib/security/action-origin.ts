/**
 * Next.js's CSRF check on server actions, made first and answered with a 403.
 *
 * Next.js (app-render/action-handler.js) refuses an action whose `Origin`
 * host differs from the request's host, which it takes from the first
 * `X-Forwarded-Host` value and otherwise from `Host`, but it refuses with a
 * 500 and the error page (and a malformed `Origin` throws). This makes the
 * same comparison in middleware, so a cross-site post, `Origin: null` (a
 * sandboxed frame, a data: URL, a redirect chain) or a forged
 * `X-Forwarded-Host` gets a 403 and a sentence instead. A request without
 * `Origin` passes, as it does in Next.js: every current browser sends one
 * with a form's POST, so only hand-made requests lack it, and those carry
 * no victim's cookies. (`experimental.serverActions.allowedOrigins`, which
 * Latchkey does not set, would need to be honoured here too.) Edge-safe.
 */

export const REFUSED_ORIGIN = { status: 403, message: "Forms on this site can only be sent from its own pages." } as const;

export function isRefusedActionOrigin(request: Request): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return originHost(origin) !== host || host === null;
}

function originHost(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
