import "server-only";
import { signOut } from "@/lib/auth-js/auth";
import { clearSessionCookies } from "@/lib/sessions/cookies";

/**
 * Ends the current session for good: Auth.js's sign-out event (lib/auth-js/auth.ts)
 * revokes its record and audits it, so the same cookie replayed later (copied,
 * or from a back-up) opens nothing; then every session cookie is cleared.
 */
export async function signOutCurrentSession(): Promise<void> {
  await signOut({ redirect: false });
  await clearSessionCookies();
}
