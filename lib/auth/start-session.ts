import "server-only";
import { recordLastSignIn } from "@/lib/users/account-state-writes";
import { currentRequestInfo, type RequestInfo } from "@/lib/request/info";
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

export interface SessionStart {
  /** How the user proved who they are, recorded as it was (lib/sessions/sign-in-method.ts). */
  method: SignInMethod;
  /** "Remember me": the session outlives the browser run. */
  remember: boolean;
}

/**
 * Everything a sign-in records, whatever its method: the last sign-in time,
 * a new session record, the browser-key cookie that ties the session to this
 * browser run, the new-device check, the audit record, and a pending link's
 * completion. Returns the session id for the token. Called on its own only
 * by Auth.js's credentials endpoint, which writes the token itself.
 */
export async function recordNewSession(userId: string, start: SessionStart): Promise<string> {
  return recordSession(userId, start, await currentRequestInfo());
}

async function recordSession(userId: string, { method, remember }: SessionStart, request: RequestInfo): Promise<string> {
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
 * The one way every sign-in ends (password, password and code, recovery
 * code, passkey, a provider): the session recorded, and its token cookie.
 * Without "Remember me" the cookie ends with the browser run.
 */
export async function startSession(user: { id: string; role: Role }, start: SessionStart): Promise<void> {
  const request = await currentRequestInfo();
  const sessionId = await recordSession(user.id, start, request);
  const { secure } = request;
  const maxAgeSeconds = sessionCookieMaxAgeSeconds();
  const token = await encodeSessionToken({ userId: user.id, sessionId, role: user.role }, { secure, maxAgeSeconds });
  await setSessionTokenCookie(token, { secure, remember: start.remember, maxAgeSeconds });
}
