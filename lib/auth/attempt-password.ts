import "server-only";
import { serverEnv } from "@/lib/env";
import { checkCredentials, type CredentialCheck } from "@/lib/auth/credentials";
import { clearAttempts, readThrottle, recordAttempt, throttleKeys } from "@/lib/throttle/limiter";
import { recordAuditEvent } from "@/lib/audit/record-event";

export type PasswordAttempt = CredentialCheck | { ok: false; reason: "throttled"; retryAfterMs: number };

/** Where the guess came from, for the audit log. */
export type PasswordChannel = "sign-in form" | "API Basic auth" | "re-authentication" | "password change" | "email change";

/**
 * A password guess, throttled per account and per client address: the sign-in
 * form, Basic auth on the API and re-authentication all come through here.
 * While either key is locked the password is not even checked, so a correct
 * guess during a lock signs nobody in. Counters are keyed by the email as
 * typed (normalised), whether or not an account has it, so a lock says
 * nothing about which accounts exist.
 */
export async function attemptPassword(
  email: string,
  password: string,
  ip: string | null,
  channel: PasswordChannel,
): Promise<PasswordAttempt> {
  const accountKey = throttleKeys.account(email);
  const ipKey = throttleKeys.ip(ip);
  const { retryAfterMs, recordedKeys } = await readThrottle([accountKey, ipKey]);
  // Most sign-ins follow no failure: then there is nothing to clear, and no write.
  const forgetAccountFailures = async () => {
    if (recordedKeys.has(accountKey)) await clearAttempts(accountKey);
  };
  if (retryAfterMs > 0) {
    await recordAuditEvent({ action: "sign_in.failed", detail: `${channel}, ${email}: locked out` });
    return { ok: false, reason: "throttled", retryAfterMs };
  }

  const result = await checkCredentials(email, password);
  if (result.ok) {
    await forgetAccountFailures();
    return result;
  }
  if (result.reason === "inactive") {
    await forgetAccountFailures();
    await recordAuditEvent({
      action: "sign_in.failed",
      targetUserId: result.userId,
      detail: `${channel}, ${email}: account deactivated`,
    });
    return result;
  }
  await recordAuditEvent({
    action: "sign_in.failed",
    targetUserId: result.userId,
    detail: `${channel}, ${email}: wrong email or password`,
  });
  const { account, ip: perIp } = serverEnv.throttle;
  const [accountLocked, ipLocked] = await Promise.all([
    recordAttempt(accountKey, account),
    recordAttempt(ipKey, perIp),
  ]);
  if (accountLocked) {
    await recordAuditEvent({ action: "throttle.triggered", targetUserId: result.userId, detail: `account ${email}` });
  }
  if (ipLocked) await recordAuditEvent({ action: "throttle.triggered", detail: `address ${ip ?? "unknown"}` });
  return result;
}
