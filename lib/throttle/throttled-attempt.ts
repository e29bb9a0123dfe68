import "server-only";
import { serverEnv } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { clearAttempts, throttleKeys } from "@/lib/throttle/limiter";
import { giveBackAttempt, reserveAttempt, settleFailure } from "@/lib/throttle/reservations";
import type { ThrottleLimit } from "@/lib/settings/policies";

/** One failure budget a secret check draws on. */
export interface Budget {
  key: string;
  limit: ThrottleLimit;
  /** The audit record of its lock: "account a@example.com", "address 203.0.113.7"; null records none. */
  label: string | null;
  /** An account's budget: its lock's audit record names the account. */
  perAccount: boolean;
  /** Cleared by a complete proof (every factor the account requires), not just given back. */
  clearedByCompleteProof: boolean;
}

export function accountBudget(email: string): Budget {
  const key = throttleKeys.account(email);
  return { key, limit: serverEnv.throttle.account, label: `account ${email}`, perAccount: true, clearedByCompleteProof: true };
}

export function addressBudget(ip: string | null): Budget {
  const label = `address ${ip ?? "unknown"}`;
  return { key: throttleKeys.ip(ip), limit: serverEnv.throttle.ip, label, perAccount: false, clearedByCompleteProof: false };
}

/**
 * What the check found: a wrong secret (counted), a right one, or a right
 * one that completes the proof (every factor the account requires), which
 * also clears the account's failures. `userId` names the account in the
 * audit record of a lock.
 */
export interface CheckVerdict<T> {
  verdict: "wrong" | "right" | "complete";
  value: T;
  userId?: string;
}

export type ThrottledResult<T> =
  | { throttled: true; retryAfterMs: number; refusedBy: string }
  | { throttled: false; value: T; lockedNow: string[] };

// How long a check waits for places held by checks still running (a few
// bcrypt comparisons, slow on a busy machine) before it is refused as if the
// budget were spent: only a reservation lost with a crashed process holds one longer.
const WAIT_FOR_BUDGET_MS = 30_000;
const FULL_BUDGET_RETRY_MS = 60_000;

/**
 * The one way a secret is checked: one attempt is reserved on every budget
 * before `check` runs, so parallel guesses on any number of processes can
 * never check more than the budget holds; a spent budget is refused without
 * checking anything. A wrong secret keeps its reservation (the failure that
 * reaches a limit locks that key); a right one gives it back.
 */
export async function throttledAttempt<T>(budgets: Budget[], check: () => Promise<CheckVerdict<T>>): Promise<ThrottledResult<T>> {
  // One after another: a place is never held while waiting for another budget.
  const reserved: Budget[] = [];
  for (const budget of budgets) {
    const refusal = await reserveOrWait(budget);
    if (refusal !== null) {
      await Promise.all(reserved.map((held) => giveBackAttempt(held.key)));
      return { throttled: true, retryAfterMs: refusal, refusedBy: budget.key };
    }
    reserved.push(budget);
  }

  let outcome: CheckVerdict<T>;
  try {
    outcome = await check();
  } catch (error) {
    // An outage is nobody's failed guess.
    await Promise.all(budgets.map((held) => giveBackAttempt(held.key)));
    throw error;
  }
  if (outcome.verdict !== "wrong") {
    const clears = (budget: Budget) => outcome.verdict === "complete" && budget.clearedByCompleteProof;
    await Promise.all(budgets.map((budget) => (clears(budget) ? clearAttempts(budget.key) : giveBackAttempt(budget.key))));
    return { throttled: false, value: outcome.value, lockedNow: [] };
  }
  const lockedNow = await settleFailures(budgets, outcome.userId);
  return { throttled: false, value: outcome.value, lockedNow };
}

/** Null once reserved, else the milliseconds to wait before trying again. */
async function reserveOrWait(budget: Budget): Promise<number | null> {
  const deadline = Date.now() + WAIT_FOR_BUDGET_MS;
  for (;;) {
    const reservation = await reserveAttempt(budget.key, budget.limit);
    if (reservation.status === "reserved") return null;
    if (reservation.status === "locked") return reservation.retryAfterMs;
    if (Date.now() > deadline) return FULL_BUDGET_RETRY_MS;
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
  }
}

async function settleFailures(budgets: Budget[], userId: string | undefined): Promise<string[]> {
  const locked = await Promise.all(budgets.map((budget) => settleFailure(budget.key, budget.limit)));
  const lockedNow = budgets.filter((_, i) => locked[i]);
  for (const budget of lockedNow) {
    if (budget.label === null) continue;
    await recordAuditEvent({
      action: "throttle.triggered",
      targetUserId: budget.perAccount ? userId : undefined,
      detail: budget.label,
    });
  }
  return lockedNow.map((budget) => budget.key);
}
