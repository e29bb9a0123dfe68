import "server-only";
import { serverEnv } from "@/lib/env";
import { checkCredentials, type CredentialCheck } from "@/lib/auth/credentials";
import { clearAttempts, lockRemaining, recordAttempt, throttleKeys } from "@/lib/throttle/limiter";

export type PasswordAttempt = CredentialCheck | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * A password guess, throttled per account and per client address: the sign-in
 * form, Basic auth on the API and re-authentication all come through here.
 * While either key is locked the password is not even checked, so a correct
 * guess during a lock signs nobody in. Counters are keyed by the email as
 * typed (normalised), whether or not an account has it, so a lock says
 * nothing about which accounts exist.
 */
export async function attemptPassword(email: string, password: string, ip: string | null): Promise<PasswordAttempt> {
  const accountKey = throttleKeys.account(email);
  const ipKey = throttleKeys.ip(ip);
  const retryAfterMs = await lockRemaining([accountKey, ipKey]);
  if (retryAfterMs > 0) return { ok: false, reason: "throttled", retryAfterMs };

  const result = await checkCredentials(email, password);
  if (result.ok || result.reason === "inactive") {
    await clearAttempts(accountKey);
    return result;
  }
  const { account, ip: perIp } = serverEnv.throttle;
  await Promise.all([recordAttempt(accountKey, account), recordAttempt(ipKey, perIp)]);
  return result;
}
