import type { NextAuthConfig } from "next-auth";
import { authJsLogger } from "@/lib/auth/auth-js-logger";

/**
 * The part of the Auth.js configuration that runs in the Edge runtime, where
 * middleware lives: no database, no bcrypt, no Node APIs. lib/auth-js/auth.ts
 * extends it with the Credentials provider and the Prisma adapter.
 */
export const edgeAuthConfig = {
  // Behind a proxy or on a custom port the host comes from the request; set
  // AUTH_URL to pin it.
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  providers: [],
  // Middleware's reports (a stale session cookie, say) as one line each; the
  // server (scripts/start.mjs) turns console lines into its JSON log lines.
  logger: authJsLogger(({ level, fields, msg }) => console[level](msg, ...(fields.err ? [fields.err] : []))),
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
