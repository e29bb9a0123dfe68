import "server-only";
import { checkCredentials, type AuthenticatedUser, type CredentialCheck } from "@/lib/auth/credentials";
import { accountBudget, addressBudget, throttledAttempt, type CheckVerdict } from "@/lib/throttle/throttled-attempt";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hasTotpEnabled } from "@/lib/two-factor/totp-factor";

type CheckedPassword =
  /** `needsSecondFactor`: the password alone does not sign this account in. */
  | { ok: true; user: AuthenticatedUser; needsSecondFactor: boolean }
  | Extract<CredentialCheck, { ok: false }>;

export type PasswordAttempt = CheckedPassword | { ok: false; reason: "throttled"; retryAfterMs: number };

/** Where the guess came from, for the audit log. */
export type PasswordChannel = "sign-in form" | "API Basic auth" | "re-authentication" | "password change" | "email change";

/**
 * A password guess, on the account's and the client address's budgets
 * (lib/throttle/throttled-attempt.ts): the sign-in form, Basic auth on the
 * API, re-authentication and the current-password checks all come through
 * here. While either budget is spent the password is not even checked, so a
 * correct guess during a lock signs nobody in. Counters are keyed by the
 * email as typed (normalised), whether or not an account has it, so a lock
 * says nothing about which accounts exist. A right password clears the
 * account's failures only when it is the account's only factor.
 */
export async function attemptPassword(
  email: string,
  password: string,
  ip: string | null,
  channel: PasswordChannel,
): Promise<PasswordAttempt> {
  const attempt = await throttledAttempt([accountBudget(email), addressBudget(ip)], async (): Promise<CheckVerdict<CheckedPassword>> => {
    const result = await checkCredentials(email, password);
    if (result.ok) {
      const needsSecondFactor = await hasTotpEnabled(result.user.id);
      return { verdict: needsSecondFactor ? "right" : "complete", value: { ...result, needsSecondFactor } };
    }
    const what = result.reason === "inactive" ? "account deactivated" : "wrong email or password";
    await recordAuditEvent({ action: "sign_in.failed", targetUserId: result.userId, detail: `${channel}, ${email}: ${what}` });
    // The right password of a deactivated account is no failed guess, and it opens nothing.
    return { verdict: result.reason === "inactive" ? "right" : "wrong", value: result, userId: result.userId };
  });
  if (attempt.throttled) {
    await recordAuditEvent({ action: "sign_in.failed", detail: `${channel}, ${email}: locked out` });
    return { ok: false, reason: "throttled", retryAfterMs: attempt.retryAfterMs };
  }
  return attempt.value;
}
