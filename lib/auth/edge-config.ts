import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that runs in the Edge runtime, where
 * middleware lives: no database, no bcrypt, no Node APIs. lib/auth/auth.ts
 * extends it with the Credentials provider and the Prisma adapter.
 */
export const edgeAuthConfig = {
  // Behind a proxy or on a custom port the host comes from the request; set
  // AUTH_URL to pin it.
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = token.role;
      return session;
    },
  },
} satisfies NextAuthConfig;
