import "server-only";
import { serverEnv } from "@/lib/env";
import { readThrottle, recordAttempt, throttleKeys } from "@/lib/throttle/limiter";
import { recordAuditEvent } from "@/lib/audit/record-event";

/**
 * Counts a request that may send mail (a reset link, a confirmation link)
 * from this client address, with the same numbers as failed sign-ins from
 * one address (THROTTLE_IP_MAX_FAILURES per THROTTLE_WINDOW_MINUTES). False
 * when the address is over its limit: the caller then answers as usual and
 * sends nothing, so the limit tells a stranger nothing either.
 */
export async function allowMailRequest(ip: string | null): Promise<boolean> {
  const key = throttleKeys.mailRequest(ip);
  const { retryAfterMs } = await readThrottle([key]);
  if (retryAfterMs > 0) return false;
  if (await recordAttempt(key, serverEnv.throttle.ip)) {
    await recordAuditEvent({ action: "throttle.triggered", detail: `mail requests from ${ip ?? "unknown"}` });
  }
  return true;
}
