import "server-only";
import { recordLastSignIn } from "@/lib/users/account-state-writes";
import { currentRequestInfo } from "@/lib/request/info";
import { encodeSessionToken } from "@/lib/sessions/token";
import { setBrowserKeyCookie, setSessionTokenCookie } from "@/lib/sessions/cookies";
import { sessionCookieMaxAgeSeconds } from "@/lib/sessions/lifetime";
import type { Role } from "@/lib/generated/prisma/sqlite/enums";
import { createLoginSession, type SignInMethod } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { noteSignInDevice } from "@/lib/sign-in-alerts/device";
import { describeSignInMethod, isProviderMethod } from "@/lib/sessions/sign-in-method";
import { completePendingLink } from "@/lib/linked-accounts/link";

/** The audit detail's method: nothing for a plain password, "via GitHub" when a provider stood in for it. */
function methodDetail(method: SignInMethod): string | null {
  if (method === "password") return null;
  return isProviderMethod(method) ? `via ${describeSignInMethod(method)}` : describeSignInMethod(method);
}

/**
 * Everything a successful password sign-in records: the last sign-in time,
 * a new session record, and the browser-key cookie that ties the session to
 * this browser run. Returns the session id for the token.
 */
export async function startPasswordSession(
  userId: string,
  remember: boolean,
  method: SignInMethod = "password",
): Promise<string> {
  const request = await currentRequestInfo();
  const now = new Date();
  await recordLastSignIn(userId, now);
  const { id, browserKey } = await createLoginSession(
    { userId, remember, method, userAgent: request.userAgent, ip: request.ip },
    now,
  );
  await setBrowserKeyCookie(browserKey, request.secure);
  // The one hook for new-sign-in alerts: every browser sign-in passes here.
  await noteSignInDevice(userId, method, request, now);
  const detail = [methodDetail(method), remember ? "with Remember me" : null].filter(Boolean).join(", ");
  await recordAuditEvent({ action: "sign_in.succeeded", actorId: userId, detail: detail || undefined });
  // "An account with this email already exists": signing in to it, by any
  // method, is what links the provider that found it (lib/linked-accounts/link.ts).
  await completePendingLink(userId);
  return id;
}

/**
 * A sign-in that completes outside Auth.js's Credentials callback (after the
 * second factor, or with a passkey): the same session record, plus the
 * session token cookie Auth.js would have written. Without "Remember me" the
 * cookie ends with the browser run.
 */
export async function startSessionWithCookie(
  user: { id: string; role: Role },
  remember: boolean,
  method: SignInMethod,
): Promise<void> {
  const sessionId = await startPasswordSession(user.id, remember, method);
  const { secure } = await currentRequestInfo();
  const maxAgeSeconds = sessionCookieMaxAgeSeconds();
  const token = await encodeSessionToken({ userId: user.id, sessionId, role: user.role }, { secure, maxAgeSeconds });
  await setSessionTokenCookie(token, { secure, remember, maxAgeSeconds });
}
