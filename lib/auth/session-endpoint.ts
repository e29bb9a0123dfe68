import "server-only";
import { NextResponse } from "next/server";
import { lookupSession } from "@/lib/auth/session";

/**
 * Auth.js's own `/api/auth/session` trusts the token alone: it answered a
 * session revoked on the server (signed out, password changed, deactivated)
 * with the user, and re-issued the cookie for 30 days on every call, which
 * also turned a browser-run cookie (no "Remember me") into a persistent one.
 * This answers it from the session registry instead (lib/auth/session.ts),
 * in Auth.js's shape: `null` when signed out, else the user's public fields
 * and the session's expiry; and it never sets a cookie.
 */
export async function answerSessionEndpoint(): Promise<NextResponse> {
  const lookup = await lookupSession();
  const body =
    lookup.status === "valid"
      ? {
          user: {
            id: lookup.session.user.id,
            name: lookup.session.user.name,
            email: lookup.session.user.email,
            role: lookup.session.user.role,
          },
          expires: lookup.session.expiresAt.toISOString(),
        }
      : null;
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}

/** The request is for Auth.js's session endpoint, by Auth.js's own reading of the path (@auth/core's parseActionAndProviderId). */
export function isSessionEndpoint(request: Request, basePath = "/api/auth"): boolean {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith(basePath)) return false;
  return pathname.slice(basePath.length).split("/").filter(Boolean)[0] === "session";
}
