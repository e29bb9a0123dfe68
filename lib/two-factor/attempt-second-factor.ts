import "server-only";
import { serverEnv } from "@/lib/env";
import { throttleKeys } from "@/lib/throttle/limiter";
import { accountBudget, addressBudget, throttledAttempt, type Budget, type CheckVerdict } from "@/lib/throttle/throttled-attempt";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { verifyTotpCode } from "@/lib/two-factor/totp-factor";
import { consumeRecoveryCode } from "@/lib/two-factor/recovery-store";
import { recoveryCodeUsedNotice } from "@/lib/two-factor/notices";
import { TWO_FACTOR_STEP_TTL_MS } from "@/lib/two-factor/login-challenge";

export type SecondFactorInput = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

type CheckedFactor = { ok: true; kind: "totp" } | { ok: true; kind: "recovery"; codesLeft: number } | { ok: false; reason: "invalid" };

export type SecondFactorAttempt =
  | CheckedFactor
  | { ok: false; reason: "throttled"; retryAfterMs: number }
  /** The half-way sign-in has had its THROTTLE_ACCOUNT_MAX_FAILURES wrong codes: start again from the password. */
  | { ok: false; reason: "step_ended" };

/** Where the code was typed, for the audit log. */
export type SecondFactorChannel = "sign-in" | "re-authentication" | "turning two-factor off";

/** The steps that follow a right password: their right code completes the proof, and clears the account's failures. */
const COMPLETES_PROOF: ReadonlySet<SecondFactorChannel> = new Set(["sign-in", "re-authentication"]);

/**
 * A second-factor guess, on the same per-account (keyed by the account's
 * email, as password guesses are) and per-address budgets as passwords
 * (lib/throttle/throttled-attempt.ts): six digits are easier to guess than a
 * password, so they must not get a budget of their own. `stepId` adds the
 * half-way step's own budget, which ends the step. A recovery code used is
 * mailed to the account's owner.
 */
export async function attemptSecondFactor(
  user: { id: string; email: string; name: string },
  input: SecondFactorInput,
  ip: string | null,
  channel: SecondFactorChannel,
  stepId?: string,
): Promise<SecondFactorAttempt> {
  const budgets = [accountBudget(user.email), addressBudget(ip)];
  const stepKey = stepId === undefined ? null : throttleKeys.twoFactorStep(stepId);
  if (stepKey) budgets.push(stepBudget(stepKey));

  const attempt = await throttledAttempt(budgets, async (): Promise<CheckVerdict<CheckedFactor>> => {
    const outcome = await checkSecondFactor(user.id, input);
    if (outcome.ok) return { verdict: COMPLETES_PROOF.has(channel) ? "complete" : "right", value: outcome };
    const what = input.kind === "totp" ? "wrong or reused authentication code" : "wrong or used recovery code";
    await recordAuditEvent({ action: "two_factor.failed", targetUserId: user.id, detail: `${channel}: ${what}` });
    return { verdict: "wrong", value: outcome, userId: user.id };
  });
  if (attempt.throttled) {
    if (attempt.refusedBy === stepKey) return { ok: false, reason: "step_ended" };
    await recordAuditEvent({ action: "two_factor.failed", targetUserId: user.id, detail: `${channel}: locked out` });
    return { ok: false, reason: "throttled", retryAfterMs: attempt.retryAfterMs };
  }
  const outcome = attempt.value;
  if (!outcome.ok) return stepKey && attempt.lockedNow.includes(stepKey) ? { ok: false, reason: "step_ended" } : outcome;

  const detail = outcome.kind === "totp" ? `${channel}: authenticator app` : `${channel}: recovery code`;
  await recordAuditEvent({ action: "two_factor.succeeded", actorId: user.id, detail });
  if (outcome.kind === "recovery") {
    await recordAuditEvent({ action: "recovery_code.used", actorId: user.id, detail: `${outcome.codesLeft} left` });
    await recoveryCodeUsedNotice(user, outcome.codesLeft);
  }
  return outcome;
}

/** As many wrong codes per half-way step as the account allows in a window; the step never outlives it. */
function stepBudget(key: string): Budget {
  const minutes = Math.ceil(TWO_FACTOR_STEP_TTL_MS / 60_000);
  const limit = { maxAttempts: serverEnv.throttle.account.maxAttempts, windowMinutes: minutes, lockMinutes: minutes, maxLockMinutes: minutes };
  // Its lock is no event of its own: the account's budget records the guessing.
  return { key, limit, label: null, perAccount: false, clearedByCompleteProof: true };
}

async function checkSecondFactor(userId: string, input: SecondFactorInput): Promise<CheckedFactor> {
  if (input.kind === "totp") {
    return (await verifyTotpCode(userId, input.code)) ? { ok: true, kind: "totp" } : { ok: false, reason: "invalid" };
  }
  const codesLeft = await consumeRecoveryCode(userId, input.code);
  return codesLeft === null ? { ok: false, reason: "invalid" } : { ok: true, kind: "recovery", codesLeft };
}
