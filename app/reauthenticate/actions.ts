"use server";

import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { encodeSessionToken } from "@/lib/auth/session-token";
import { sessionCookieMaxAgeSeconds } from "@/lib/sessions/lifetime";
import { setBrowserKeyCookie, setSessionTokenCookie } from "@/lib/sessions/cookies";
import { rotateSession } from "@/lib/sessions/registry";
import { attemptPassword } from "@/lib/auth/attempt-password";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { reauthenticateSchema, type ReauthenticateField } from "@/lib/validation/reauthenticate";

export type ReauthenticateState = FormState<ReauthenticateField>;

export async function reauthenticateAction(
  _previous: ReauthenticateState,
  formData: FormData,
): Promise<ReauthenticateState> {
  const next = safeNextPath(formData.get("next")) ?? "/dashboard";
  const session = await requireSession(next);
  const parsed = reauthenticateSchema.safeParse(formValues(formData, ["password"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});

  const request = await currentRequestInfo();
  const attempt = await attemptPassword(session.user.email, parsed.data.password, request.ip, "re-authentication");
  if (!attempt.ok && attempt.reason === "throttled") {
    return formError({ fieldErrors: { password: [tooManyAttemptsMessage(attempt.retryAfterMs)] } });
  }
  if (!attempt.ok || attempt.user.id !== session.user.id) {
    return formError({ fieldErrors: { password: ["That password is not correct."] } });
  }
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
  await recordAuditEvent({ action: "reauthenticated", actorId: session.user.id });
  await setFlash("success", "Password confirmed.");
  redirect(next);
}
