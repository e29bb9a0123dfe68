import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { serverEnv } from "@/lib/env";
import { attemptPassword } from "@/lib/auth/attempt-password";
import { currentRequestInfo } from "@/lib/request/info";
import { lookupSession } from "@/lib/auth/session";
import { findUserByApiKey } from "@/lib/api-keys/registry";
import { parseCredentials } from "@/lib/api/parse-credentials";
import { apiError, secondFactorAccount, tooManyRequests, unauthorized } from "@/lib/api/responses";
import { emailField } from "@/lib/validation/email";
import { existingPasswordField } from "@/lib/validation/password";
import { findUserById } from "@/lib/users/queries";
import type { PublicUser } from "@/lib/users/public-user";

export type AuthMethod = "session" | "api_key" | "basic";

export type ApiAuthentication = { ok: true; user: PublicUser; method: AuthMethod } | { ok: false; response: NextResponse };

/**
 * Who is calling an /api route: an API key (X-API-Key or Bearer), Basic
 * email:password, or the browser's session cookie. Machine credentials never
 * create a session or set a cookie. Every refusal is a JSON error; a wrong,
 * revoked or unknown credential answers exactly like a missing one.
 */
export async function authenticateApiRequest(request: NextRequest): Promise<ApiAuthentication> {
  const offered = parseCredentials({
    apiKeyHeader: request.headers.get("x-api-key"),
    authorization: request.headers.get("authorization"),
    queryApiKey: request.nextUrl.searchParams.get("api_key"),
    allowKeyInQuery: serverEnv.allowApiKeyInQuery,
  });

  switch (offered.kind) {
    case "key_in_query":
      return {
        ok: false,
        response: apiError(
          400,
          "API keys in the URL are refused (URLs end up in logs and browser history): send it in the X-API-Key or Authorization: Bearer header.",
        ),
      };
    case "malformed":
      return { ok: false, response: apiError(400, offered.message) };
    case "api_key": {
      const user = await findUserByApiKey(offered.key);
      return user ? { ok: true, user, method: "api_key" } : { ok: false, response: unauthorized() };
    }
    case "basic":
      return checkBasicCredentials(offered.email, offered.password);
    case "none": {
      const lookup = await lookupSession();
      return lookup.status === "valid"
        ? { ok: true, user: lookup.session.user, method: "session" }
        : { ok: false, response: unauthorized() };
    }
  }
}

/** Each Basic request is a password guess, so it is throttled like the sign-in form. */
async function checkBasicCredentials(rawEmail: string, rawPassword: string): Promise<ApiAuthentication> {
  const email = emailField.safeParse(rawEmail);
  const password = existingPasswordField.safeParse(rawPassword);
  if (!email.success || !password.success) return { ok: false, response: unauthorized() };
  const result = await attemptPassword(email.data, password.data, (await currentRequestInfo()).ip, "API Basic auth");
  if (result.ok) {
    if (serverEnv.recovery.requireEmailVerification && !result.user.emailVerified) {
      return { ok: false, response: apiError(403, "Confirm your email address first: open the link we mailed you.") };
    }
    // Basic carries no second factor: the password alone must not open an account that has one.
    if (result.needsSecondFactor) return { ok: false, response: secondFactorAccount() };
    const user = await findUserById(result.user.id);
    if (user) return { ok: true, user, method: "basic" };
  } else if (result.reason === "throttled") {
    return { ok: false, response: tooManyRequests(result.retryAfterMs) };
  }
  return { ok: false, response: unauthorized() };
}
