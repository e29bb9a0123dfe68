import "server-only";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { currentRequestInfo } from "@/lib/request/info";
import { attemptPassword } from "@/lib/auth/attempt-password";
import type { AuthenticatedUser } from "@/lib/auth/credentials";
import { startSession } from "@/lib/auth/start-session";
import { INACTIVE_ACCOUNT_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from "@/lib/messages";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { sendVerificationMail } from "@/lib/verification/email-verification";

/**
 * Where a password sign-in stands after the first factor. Every outcome is a
 * value: the sign-in form, registration and Auth.js's own credentials
 * endpoint each take the step that follows.
 */
export type PasswordSignIn =
  | { step: "refused"; message: string; reason: "throttled" | "inactive" | "invalid" | "unverified" | "unavailable" }
  /** The password was right; the account's second factor comes next (lib/two-factor/login-challenge.ts). */
  | { step: "second-factor"; user: AuthenticatedUser }
  /** The password alone signs this account in. */
  | { step: "accepted"; user: AuthenticatedUser };

const UNVERIFIED_MESSAGE = "Confirm your email address first: we have sent you a new link.";
const UNAVAILABLE_MESSAGE = "Signing in is not possible right now. Please try again in a moment.";

/** The first factor: the password on the lockout budgets, then what the account still asks for. */
export async function checkPasswordSignIn(email: string, password: string, ip: string | null): Promise<PasswordSignIn> {
  const result = await attemptPassword(email, password, ip, "sign-in form");
  if (!result.ok) {
    if (result.reason === "throttled") return { step: "refused", reason: "throttled", message: tooManyAttemptsMessage(result.retryAfterMs) };
    if (result.reason === "inactive") return { step: "refused", reason: "inactive", message: INACTIVE_ACCOUNT_MESSAGE };
    return { step: "refused", reason: "invalid", message: INVALID_CREDENTIALS_MESSAGE };
  }
  if (serverEnv.recovery.requireEmailVerification && !result.user.emailVerified) {
    await sendVerificationMail(result.user, ip);
    return { step: "refused", reason: "unverified", message: UNVERIFIED_MESSAGE };
  }
  return result.needsSecondFactor ? { step: "second-factor", user: result.user } : { step: "accepted", user: result.user };
}

/**
 * The sign-in form's password step: an accepted password starts the session
 * here. A failure of the database (or anything else unexpected) is logged
 * with its stack and answered as a message, never as an error page.
 */
export async function signInWithPassword(email: string, password: string, remember: boolean): Promise<PasswordSignIn> {
  try {
    const check = await checkPasswordSignIn(email, password, (await currentRequestInfo()).ip);
    if (check.step === "accepted") await startSession(check.user, { method: "password", remember });
    return check;
  } catch (error) {
    log.error({ err: error }, "password sign-in failed");
    return { step: "refused", reason: "unavailable", message: UNAVAILABLE_MESSAGE };
  }
}
