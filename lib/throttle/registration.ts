import "server-only";
import { serverEnv } from "@/lib/env";
import { currentRequestInfo } from "@/lib/request/info";
import { readThrottle, recordAttempt, throttleKeys } from "@/lib/throttle/limiter";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { recordAuditEvent } from "@/lib/audit/record-event";

/**
 * Counts a registration from this client address (REGISTRATION_LIMIT_PER_IP
 * an hour). Returns the message to show when the address is over its limit.
 */
export async function countRegistrationAttempt(): Promise<string | null> {
  const { ip } = await currentRequestInfo();
  const key = throttleKeys.registration(ip);
  const { retryAfterMs } = await readThrottle([key]);
  if (retryAfterMs > 0) return tooManyAttemptsMessage(retryAfterMs);
  if (await recordAttempt(key, serverEnv.throttle.registration)) {
    await recordAuditEvent({ action: "throttle.triggered", detail: `registrations from ${ip ?? "unknown"}` });
  }
  return null;
}
