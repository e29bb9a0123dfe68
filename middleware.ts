import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { edgeAuthConfig } from "@/lib/auth/edge-config";
import { loginUrlFor } from "@/lib/auth/login-url";

const { auth } = NextAuth(edgeAuthConfig);

// The optimistic check only: a request without a session token goes to the
// sign-in page. Every protected page and action checks again in Node, next
// to the data (lib/auth/session.ts), so skipping this exposes nothing.
export default auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.nextUrl));
});

export const config = {
  matcher: ["/dashboard/:path*", "/profile/:path*", "/admin/:path*"],
};
