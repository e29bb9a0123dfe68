import "server-only";
import { serverEnv } from "@/lib/env";
import { clearAttempts, readThrottle, recordAttempt, throttleKeys } from "@/lib/throttle/limiter";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { verifyTotpCode } from "@/lib/two-factor/totp-factor";
import { consumeRecoveryCode } from "@/lib/two-factor/recovery-store";
import { recoveryCodeUsedNotice } from "@/lib/two-factor/notices";

export type SecondFactorInput = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

export type SecondFactorAttempt =
  | { ok: true; kind: "totp" }
  | { ok: true; kind: "recovery"; codesLeft: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** Where the code was typed, for the audit log. */
export type SecondFactorChannel = "sign-in" | "re-authentication" | "turning two-factor off";

/**
 * A second-factor guess, counted against the same per-account (keyed by the
 * account's email, as password guesses are) and per-address counters as
 * passwords (lib/auth/attempt-password.ts): six digits are easier to guess
 * than a password, so they must not get a budget of their own. While either
 * key is locked the code is not even checked. A recovery code used is mailed
 * to the account's owner.
 */
export async function attemptSecondFactor(
  user: { id: string; email: string; name: string },
  input: SecondFactorInput,
  ip: string | null,
  channel: SecondFactorChannel,
): Promise<SecondFactorAttempt> {
  const accountKey = throttleKeys.account(user.email);
  const ipKey = throttleKeys.ip(ip);
  const { retryAfterMs, recordedKeys } = await readThrottle([accountKey, ipKey]);
  if (retryAfterMs > 0) {
    await recordAuditEvent({ action: "two_factor.failed", targetUserId: user.id, detail: `${channel}: locked out` });
    return { ok: false, reason: "throttled", retryAfterMs };
  }

  const outcome = await checkSecondFactor(user.id, input);
  if (outcome.ok) {
    if (recordedKeys.has(accountKey)) await clearAttempts(accountKey);
    const detail = outcome.kind === "totp" ? `${channel}: authenticator app` : `${channel}: recovery code`;
    await recordAuditEvent({ action: "two_factor.succeeded", actorId: user.id, detail });
    if (outcome.kind === "recovery") {
      await recordAuditEvent({ action: "recovery_code.used", actorId: user.id, detail: `${outcome.codesLeft} left` });
      await recoveryCodeUsedNotice(user, outcome.codesLeft);
    }
    return outcome;
  }

  const what = input.kind === "totp" ? "wrong or reused authentication code" : "wrong or used recovery code";
  await recordAuditEvent({ action: "two_factor.failed", targetUserId: user.id, detail: `${channel}: ${what}` });
  const [accountLocked, ipLocked] = await Promise.all([
    recordAttempt(accountKey, serverEnv.throttle.account),
    recordAttempt(ipKey, serverEnv.throttle.ip),
  ]);
  if (accountLocked) {
    await recordAuditEvent({ action: "throttle.triggered", targetUserId: user.id, detail: `account ${user.email}` });
  }
  if (ipLocked) await recordAuditEvent({ action: "throttle.triggered", detail: `address ${ip ?? "unknown"}` });
  return outcome;
}

async function checkSecondFactor(userId: string, input: SecondFactorInput): Promise<SecondFactorAttempt> {
  if (input.kind === "totp") {
    return (await verifyTotpCode(userId, input.code)) ? { ok: true, kind: "totp" } : { ok: false, reason: "invalid" };
  }
  const codesLeft = await consumeRecoveryCode(userId, input.code);
  return codesLeft === null ? { ok: false, reason: "invalid" } : { ok: true, kind: "recovery", codesLeft };
}
