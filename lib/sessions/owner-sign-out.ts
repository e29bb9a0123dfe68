import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { revokeOtherSessions, revokeUserSession } from "@/lib/sessions/registry";

/** "Sign out" next to one of the user's other sessions. False when it had already ended (or is not theirs, or is this one). */
export async function signOutOneOtherSession(userId: string, currentSessionId: string, targetId: string): Promise<boolean> {
  if (targetId === currentSessionId) return false;
  const revoked = await revokeUserSession(userId, targetId);
  if (revoked) await recordAuditEvent({ action: "session.revoked", actorId: userId, detail: "one other session" });
  return revoked;
}

/** "Sign out everywhere else": every session of the user's but this one. Returns how many ended. */
export async function signOutOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const count = await revokeOtherSessions(userId, currentSessionId);
  await recordAuditEvent({ action: "session.revoked", actorId: userId, detail: `all other sessions (${count})` });
  return count;
}
