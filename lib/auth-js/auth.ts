import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { edgeAuthConfig } from "@/lib/auth/edge-config";
import { authJsLogger } from "@/lib/auth/auth-js-logger";
import { log } from "@/lib/log/logger";
import { attemptPassword } from "@/lib/auth/attempt-password";
import { currentRequestInfo } from "@/lib/request/info";
import { startPasswordSession } from "@/lib/auth/start-session";
import { sessionCookieMaxAgeSeconds } from "@/lib/sessions/lifetime";
import { revokeSession } from "@/lib/sessions/registry";
import { authJsCookieSettings } from "@/lib/sessions/cookies";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { loginSchema } from "@/lib/validation/login";
import { sendVerificationMail } from "@/lib/verification/email-verification";
import { buildProvider, identityFromProfile } from "@/lib/federated/providers";
import { completeFederatedCallback } from "@/lib/federated/callback";
import { federatedErrorUrl } from "@/lib/federated/messages";
import { isFederatedProviderId } from "@/lib/settings/federated-providers";

/** Thrown for a correct password on a deactivated account. */
export class InactiveAccountError extends CredentialsSignin {
  override code = "inactive";
}

/** Thrown for a correct password on an unconfirmed address while REQUIRE_EMAIL_VERIFICATION is on. */
export class UnverifiedEmailError extends CredentialsSignin {
  override code = "unverified";
}

/** Thrown while the account or the client address is locked out. */
export class ThrottledSignInError extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

/**
 * Thrown for a correct password on an account with two-factor on: no
 * session yet. The sign-in form moves on to /login/two-factor
 * (lib/two-factor/login-challenge.ts); a direct post to Auth.js's endpoint
 * just fails, since Basic-style password-only sign-in is not enough.
 */
export class SecondFactorRequiredError extends CredentialsSignin {
  override code = "two_factor";
  constructor(readonly userId: string) {
    super();
  }
}

const authConfig = {
  ...edgeAuthConfig,
  // The token lives as long as the longest session ("Remember me"); the
  // session record decides, on every request, whether it is still good.
  session: { strategy: "jwt", maxAge: sessionCookieMaxAgeSeconds() },
  // The adapter is typed against @prisma/client's default client; ours is
  // generated elsewhere (driver-adapter mode) with the same model API.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  // Auth.js's reports as lines of the app's log: a refused sign-in is no stack trace.
  logger: authJsLogger(({ level, fields, msg }) => log[level](fields, msg)),
  // A provider's error, or a check of its answer that failed: the sign-in page says which.
  pages: { ...edgeAuthConfig.pages, error: "/login" },
  callbacks: {
    ...edgeAuthConfig.callbacks,
    /**
     * Every "Sign in with …" callback ends here, and always in a redirect
     * (lib/federated/callback.ts): Auth.js never writes a user, an account
     * row or a session of its own, and no token from the provider is kept.
     */
    async signIn({ account, profile }) {
      if (!account || account.type === "credentials") return true;
      const provider = account.provider;
      const identity = isFederatedProviderId(provider) && profile ? identityFromProfile(provider, profile) : null;
      if (!identity) return federatedErrorUrl("failed");
      return completeFederatedCallback(identity);
    },
  },
  providers: [
    ...serverEnv.federatedProviders.map((settings) => buildProvider(settings)),
    Credentials({
      credentials: { email: {}, password: {}, remember: {} },
      // Auth.js's own /api/auth/callback/credentials reaches this without our
      // server action, so this is the real input boundary: validate here.
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { ip } = await currentRequestInfo();
        const result = await attemptPassword(parsed.data.email, parsed.data.password, ip, "sign-in form");
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignInError(result.retryAfterMs);
          if (result.reason === "inactive") throw new InactiveAccountError();
          return null;
        }
        if (serverEnv.recovery.requireEmailVerification && !result.user.emailVerified) {
          await sendVerificationMail(result.user, ip);
          throw new UnverifiedEmailError();
        }
        if (result.needsSecondFactor) throw new SecondFactorRequiredError(result.user.id);
        const sessionId = await startPasswordSession(result.user.id, parsed.data.remember);
        return { ...result.user, sessionId };
      },
    }),
  ],
  events: {
    // Auth.js's own POST /api/auth/signout only clears the cookie: revoke the
    // session record too, or a copy of the cookie would keep working.
    async signOut(message) {
      if ("token" in message && message.token?.sid) {
        await revokeSession(message.token.sid);
        await recordAuditEvent({ action: "sign_out", actorId: message.token.sub });
      }
    },
  },
} satisfies NextAuthConfig;

// Per request: the session cookie's name and Secure flag follow the request's
// scheme, as all of ours do (lib/sessions/cookies.ts).
export const { handlers, signIn, signOut } = NextAuth(async () => ({ ...authConfig, ...(await authJsCookieSettings()) }));
