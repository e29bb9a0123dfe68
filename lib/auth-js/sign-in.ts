import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import {
  signIn,
  InactiveAccountError,
  SecondFactorRequiredError,
  ThrottledSignInError,
  UnverifiedEmailError,
} from "@/lib/auth-js/auth";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/messages";
import { currentRequestInfo } from "@/lib/request/info";
import { endSessionCookieWithBrowser } from "@/lib/sessions/cookies";

export type SignInOutcome =
  | { ok: true }
  | { ok: false; message: string }
  /** The password was right; the account's second factor comes next. */
  | { ok: false; secondFactorFor: string };

/**
 * Signs in through Auth.js's Credentials provider (so its callbacks and
 * cookies apply) and turns the expected refusals into a message for the form.
 * Anything unexpected is rethrown rather than passed off as a wrong password.
 */
export async function signInWithPassword(email: string, password: string, remember: boolean): Promise<SignInOutcome> {
  try {
    await signIn("credentials", { email, password, remember: String(remember), redirect: false });
    if (!remember) await endSessionCookieWithBrowser((await currentRequestInfo()).secure);
    return { ok: true };
  } catch (error) {
    if (error instanceof SecondFactorRequiredError) return { ok: false, secondFactorFor: error.userId };
    if (error instanceof ThrottledSignInError) return { ok: false, message: tooManyAttemptsMessage(error.retryAfterMs) };
    if (error instanceof InactiveAccountError) {
      return { ok: false, message: "This account has been deactivated. Contact an administrator." };
    }
    if (error instanceof UnverifiedEmailError) {
      return { ok: false, message: "Confirm your email address first: we have sent you a new link." };
    }
    if (error instanceof CredentialsSignin) return { ok: false, message: INVALID_CREDENTIALS_MESSAGE };
    // An exception inside authorize (a database outage, say) arrives wrapped;
    // Auth.js's logger (lib/auth/auth-js-logger.ts) has logged it with its stack.
    if (error instanceof AuthError && error.type === "CallbackRouteError") {
      return { ok: false, message: "Signing in is not possible right now. Please try again in a moment." };
    }
    throw error;
  }
}
