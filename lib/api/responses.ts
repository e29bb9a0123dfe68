import { NextResponse } from "next/server";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";

// API answers are private to the caller: never stored by a browser or proxy.
const NO_STORE = { "Cache-Control": "no-store" };

/** Tells clients which credentials the API accepts (RFC 9110 §11.6.1). */
export const WWW_AUTHENTICATE = 'Bearer realm="latchkey", Basic realm="latchkey", charset="UTF-8"';

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function apiError(status: number, error: string, headers: Record<string, string> = {}): NextResponse {
  return apiJson({ error }, { status, headers });
}

export function unauthorized(): NextResponse {
  return apiError(401, "Authentication required: send an API key (X-API-Key or Authorization: Bearer) or Basic credentials.", {
    "WWW-Authenticate": WWW_AUTHENTICATE,
  });
}

export function tooManyRequests(retryAfterMs: number): NextResponse {
  return apiError(429, tooManyAttemptsMessage(retryAfterMs), { "Retry-After": String(Math.ceil(retryAfterMs / 1000)) });
}

/** Basic auth with the right password, on an account with two-factor on. */
export function secondFactorAccount(): NextResponse {
  return apiError(
    401,
    "This account uses two-factor authentication, which Basic auth cannot carry: use an API key (X-API-Key or Authorization: Bearer), created on your profile.",
    { "WWW-Authenticate": 'Bearer realm="latchkey", charset="UTF-8"' },
  );
}
