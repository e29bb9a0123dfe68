import "server-only";
import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/auth";
import { readSessionClaims } from "@/lib/auth/session-token";
import { clearSessionCookies } from "@/lib/sessions/cookies";
import { revokeSession } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";

/**
 * Ends the current session for good: its record is revoked, so the same
 * cookie replayed later (copied, or from a back-up) opens nothing.
 */
export async function signOutCurrentSession(): Promise<void> {
  const jar = await cookies();
  const claims = await readSessionClaims((name) => jar.get(name)?.value);
  if (claims) {
    await revokeSession(claims.sessionId);
    await recordAuditEvent({ action: "sign_out", actorId: claims.userId });
  }
  await signOut({ redirect: false });
  await clearSessionCookies();
}
