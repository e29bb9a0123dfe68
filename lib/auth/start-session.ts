import "server-only";
import { recordSignIn } from "@/lib/auth/credentials";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { setBrowserKeyCookie } from "@/lib/sessions/cookies";
import { createLoginSession, pruneSessions } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";

// Sweeping finished sessions at sign-in keeps the table small without a
// scheduler. Once a minute per server process is plenty, and spares each
// sign-in of a burst a write.
const PRUNE_INTERVAL_MS = 60_000;
let lastPrunedAt = 0;

/**
 * Everything a successful password sign-in records: the last sign-in time,
 * a new session record, and the browser-key cookie that ties the session to
 * this browser run. Returns the session id for the token.
 */
export async function startPasswordSession(userId: string, remember: boolean): Promise<string> {
  const request = await currentRequestInfo();
  const now = new Date();
  await recordSignIn(userId, now);
  const { id, browserKey } = await createLoginSession(
    { userId, remember, method: "password", userAgent: request.userAgent, ip: request.ip },
    now,
  );
  await setBrowserKeyCookie(browserKey, request.secure);
  await recordAuditEvent({ action: "sign_in.succeeded", actorId: userId, detail: remember ? "with Remember me" : undefined });
  if (now.getTime() - lastPrunedAt >= PRUNE_INTERVAL_MS) {
    lastPrunedAt = now.getTime();
    await pruneSessions(now);
  }
  return id;
}
