import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { lookupSession } from "@/lib/auth/session";
import { loginUrlFor } from "@/lib/auth/login-url";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { clearSessionCookies } from "@/lib/sessions/cookies";
import { setFlash } from "@/lib/flash/set-flash";

// Where protected pages send a session that existed but has ended (expired,
// revoked, signed out elsewhere, user deactivated). Cookies are only cleared
// when the session really is over, so a link here cannot sign anyone out.
export async function GET(request: NextRequest): Promise<never> {
  const next = safeNextPath(request.nextUrl.searchParams.get("next")) ?? "/dashboard";
  const lookup = await lookupSession();
  if (lookup.status === "valid") redirect(next);
  if (lookup.status === "invalid") {
    await clearSessionCookies();
    await setFlash("warning", "Your session has expired, please sign in again.");
  }
  redirect(loginUrlFor(next));
}
