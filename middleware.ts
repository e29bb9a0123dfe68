import { NextResponse, type NextRequest } from "next/server";
import { readSessionClaims } from "@/lib/sessions/token";
import { isSecureRequest } from "@/lib/request/secure";
import { loginUrlFor } from "@/lib/auth/login-url";
import { isProtectedPath } from "@/lib/auth/protected-paths";
import { contentSecurityPolicy, newNonce, staticPagePolicy } from "@/lib/security/content-security-policy";
import { staticTwinFor, twinShowsTheseProviders } from "@/lib/request/static-pages";
import { staticTwin } from "@/lib/request/static-twins";
import { checkPagePostBody } from "@/lib/security/page-post-body";
import { isRefusedActionOrigin, REFUSED_ORIGIN } from "@/lib/security/action-origin";
import { providerButtonsSignature, readFederatedProviders } from "@/lib/settings/federated-providers";
import { benchRoutesOn, isDevelopment, providerVariables, publicUrl } from "@/lib/settings/runtime-settings.mjs";

// The providers' authorization origins (the CSP's form-action) and their
// buttons (which prerendered twins match); read once.
let signInProviders: { origins: string[]; buttons: string } | undefined;

// Four jobs:
// 1. Every page gets a Content-Security-Policy with a fresh script nonce,
//    except a public page's prerendered twin, whose scripts are allowed by
//    the hashes recorded from its build (4.).
// 2. A POST to a page (a server action) from another origin, or whose body
//    Next.js could not parse, gets a 4xx here instead of a 500 there
//    (lib/security/action-origin.ts, lib/security/page-post-body.ts).
// 3. The optimistic sign-in check for protected pages: a request without a
//    session token that decodes goes to the sign-in page. Every protected page
//    and action checks again in Node, next to the data (lib/auth/session.ts),
//    so skipping this exposes nothing. It only reads the token: unlike
//    Auth.js's own middleware it never re-issues the cookie, which would turn
//    a browser-run cookie into a persistent one.
// 4. The public pages' prerendered twins (lib/request/static-pages.ts): a
//    plain GET of /, /login, /register or /forgot-password by a visitor with
//    no session and no flash message is answered with the page rendered at
//    build (app/static/), at the cost of a static file. Anything the page
//    depends on (a query, a flash cookie, a session token that decodes, a
//    POST, "Sign in with …" providers other than the build's) gets the page
//    rendered per request, as before.
export default async function middleware(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  // Without the App Router's cache-busting parameter (next.config.ts skipProxyUrlNormalize leaves it in).
  const search = withoutRscParameter(request.nextUrl.searchParams);
  // Benchmark builds only (next.config.ts): a bare redirect, the baseline for the one below.
  if (benchRoutesOn() && pathname === "/bench/redirect") {
    return redirectTo(request, loginUrlFor(pathname));
  }
  // The middleware reads a copy of the body; Next.js still hands the page the original.
  const postProblem = isRefusedActionOrigin(request) ? REFUSED_ORIGIN : await checkPagePostBody(request);
  if (postProblem) {
    return new NextResponse(postProblem.message, {
      status: postProblem.status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (isProtectedPath(pathname) && !(await sessionClaims(request))) {
    return redirectTo(request, loginUrlFor(`${pathname}${search}`));
  }
  signInProviders ??= readSignInProviders();
  const prerendered = await prerenderedTwin(request, signInProviders);
  if (prerendered) return prerendered;

  const policy = contentSecurityPolicy(newNonce(), isDevelopment(), signInProviders.origins);
  // Next.js reads the nonce from the request's policy and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * A redirect to `path` on the host the browser asked (its Host header), as
 * request.nextUrl gave it before skipProxyUrlNormalize: with it, nextUrl's
 * origin is Next.js's own name for the server (localhost), and a server
 * reached as 127.0.0.1 sent its visitors there. Absolute: Next.js refuses a
 * relative Location from middleware. A Host that is no host name gets nextUrl's.
 */
function redirectTo(request: NextRequest, path: string): NextResponse {
  const asked = `${request.nextUrl.protocol}//${request.headers.get("host")}`;
  return NextResponse.redirect(new URL(path, URL.canParse(asked) ? asked : request.nextUrl));
}

function withoutRscParameter(searchParams: URLSearchParams): string {
  const params = new URLSearchParams(searchParams);
  params.delete("_rsc");
  const search = params.toString();
  return search ? `?${search}` : "";
}

function sessionClaims(request: NextRequest) {
  // AUTH_URL from the runtime settings: lib/env.ts is server-only, and middleware stays edge-safe.
  const secure = isSecureRequest(request.headers.get("x-forwarded-proto"), publicUrl());
  return readSessionClaims((name) => request.cookies.get(name)?.value, secure);
}

function readSignInProviders() {
  const { providers } = readFederatedProviders(providerVariables());
  return { origins: providers.map((provider) => provider.authorizationOrigin), buttons: providerButtonsSignature(providers) };
}

/**
 * The recorded twin of a public page (lib/request/static-twins.ts), served
 * from here as it was hashed, when the request carries nothing the page
 * depends on; null for the page rendered per request. Which page a visitor
 * gets depends on their cookies: no shared cache may keep it.
 */
async function prerenderedTwin(request: NextRequest, providers: { origins: string[]; buttons: string }): Promise<NextResponse | null> {
  const twinPath = staticTwinFor({
    method: request.method,
    pathname: request.nextUrl.pathname,
    searchParams: request.nextUrl.searchParams,
    hasCookie: (name) => request.cookies.has(name),
    rsc: request.headers.has("rsc"),
  });
  if (!twinPath) return null;
  const twin = staticTwin(twinPath);
  if (!twin || !twinShowsTheseProviders(twinPath, twin.signInProviders, providers.buttons)) return null;
  if (await sessionClaims(request)) return null;
  return new NextResponse(request.method === "HEAD" ? null : twin.html, {
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": staticPagePolicy(twin.scriptSources, providers.origins),
      "cache-control": "private, no-cache",
      vary: "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Cookie",
    },
  });
}

export const config = {
  // Node.js, not the Edge sandbox (stable for middleware since Next.js 15.5):
  // it runs in the server's own isolate, with no sandbox to cross per request.
  runtime: "nodejs",
  // Pages only: not the API (JSON, no scripts) nor static files.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
