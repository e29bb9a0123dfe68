import "server-only";
import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/auth";
import { readSessionClaims } from "@/lib/auth/session-token";
import { clearSessionCookies } from "@/lib/sessions/cookies";
import { revokeSession } from "@/lib/sessions/registry";

/**
 * Ends the current session for good: its record is revoked, so the same
 * cookie replayed later (copied, or from a back-up) opens nothing.
 */
export async function signOutCurrentSession(): Promise<void> {
  const jar = await cookies();
  const claims = await readSessionClaims((name) => jar.get(name)?.value);
  if (claims) await revokeSession(claims.sessionId);
  await signOut({ redirect: false });
  await clearSessionCookies();
}
