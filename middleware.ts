import { NextResponse, type NextRequest } from "next/server";
import { readSessionClaims } from "@/lib/auth/session-token";
import { loginUrlFor } from "@/lib/auth/login-url";

// The optimistic check only: a request without a session token that decodes
// goes to the sign-in page. Every protected page and action checks again in
// Node, next to the data (lib/auth/session.ts), so skipping this exposes
// nothing. It only reads the token: unlike Auth.js's own middleware it never
// re-issues the cookie, which would turn a browser-run cookie into a
// persistent one.
export default async function middleware(request: NextRequest): Promise<NextResponse> {
  const claims = await readSessionClaims((name) => request.cookies.get(name)?.value);
  if (claims) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.nextUrl));
}

export const config = {
  matcher: ["/dashboard/:path*", "/profile/:path*", "/admin/:path*"],
};
