import "server-only";
import { currentRequestInfo } from "@/lib/request/info";
import { encodeSessionToken } from "@/lib/sessions/token";
import { sessionCookieMaxAgeSeconds } from "@/lib/sessions/lifetime";
import { setBrowserKeyCookie, setSessionTokenCookie } from "@/lib/sessions/cookies";
import { rotateSession } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { CurrentSession } from "@/lib/auth/session";

/**
 * The user proved it is them again (password and, when on, second factor; or
 * a passkey): the session continues under a new id and token, fresh from now.
 */
export async function confirmSession(session: CurrentSession, how: string): Promise<void> {
  const request = await currentRequestInfo();
  const rotated = await rotateSession(session.id);
  const token = await encodeSessionToken(
    { userId: session.user.id, sessionId: rotated.id, role: session.user.role },
    { secure: request.secure, maxAgeSeconds: sessionCookieMaxAgeSeconds() },
  );
  await setSessionTokenCookie(token, {
    secure: request.secure,
    remember: rotated.remember,
    maxAgeSeconds: sessionCookieMaxAgeSeconds(),
  });
  await setBrowserKeyCookie(rotated.browserKey, request.secure);
  await recordAuditEvent({ action: "reauthenticated", actorId: session.user.id, detail: how });
}
