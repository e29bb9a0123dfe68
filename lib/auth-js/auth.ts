import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { edgeAuthConfig } from "@/lib/auth/edge-config";
import { authJsLogger } from "@/lib/auth/auth-js-logger";
import { log } from "@/lib/log/logger";
import { currentRequestInfo } from "@/lib/request/info";
import { recordNewSession } from "@/lib/auth/start-session";
import { checkPasswordSignIn } from "@/lib/sign-in/password";
import { sessionCookieMaxAgeSeconds } from "@/lib/sessions/lifetime";
import { revokeSession } from "@/lib/sessions/registry";
import { authJsCookieSettings } from "@/lib/sessions/cookies";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { loginSchema } from "@/lib/validation/login";
import { buildProvider, identityFromProfile } from "@/lib/federated/providers";
import { completeFederatedCallback } from "@/lib/federated/callback";
import { federatedErrorUrl } from "@/lib/federated/messages";
import { isFederatedProviderId } from "@/lib/settings/federated-providers";

/**
 * Auth.js's own credentials endpoint (a direct post to
 * /api/auth/callback/credentials, as API clients and tests use) can only
 * refuse by throwing: the step's reason travels as the `code` of its
 * redirect (`?error=CredentialsSignin&code=throttled`). A password that
 * needs a second factor is refused here too ("two_factor"): the form's
 * second step (/login/two-factor) is the only way on.
 */
class SignInRefused extends CredentialsSignin {
  constructor(override code: string) {
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
        const step = await checkPasswordSignIn(parsed.data.email, parsed.data.password, (await currentRequestInfo()).ip);
        if (step.step === "refused" && step.reason === "invalid") return null;
        if (step.step === "refused") throw new SignInRefused(step.reason);
        if (step.step === "second-factor") throw new SignInRefused("two_factor");
        const sessionId = await recordNewSession(step.user.id, { method: "password", remember: parsed.data.remember });
        return { ...step.user, sessionId };
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
