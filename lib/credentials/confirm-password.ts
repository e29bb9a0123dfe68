import "server-only";
import { attemptPassword } from "@/lib/auth/attempt-password";
import { currentRequestInfo } from "@/lib/request/info";
import { tooManyAttemptsMessage } from "@/lib/throttle/policy";

/** The forms of a signed-in user that ask for their password again. */
export type ConfirmPasswordChannel = "re-authentication" | "password change" | "email change";

export type PasswordConfirmation = { ok: true; needsSecondFactor: boolean } | { ok: false; message: string };

const WRONG_PASSWORD: Record<ConfirmPasswordChannel, string> = {
  "re-authentication": "That password is not correct.",
  "password change": "Your current password is not correct.",
  "email change": "Your current password is not correct.",
};

/**
 * The signed-in user's password, typed again: a guess like any other, on the
 * account's and the address's budgets (lib/auth/attempt-password.ts).
 * Refused, it gives the message for the form's password field.
 */
export async function confirmPassword(
  user: { id: string; email: string },
  password: string,
  channel: ConfirmPasswordChannel,
): Promise<PasswordConfirmation> {
  const { ip } = await currentRequestInfo();
  const attempt = await attemptPassword(user.email, password, ip, channel);
  if (!attempt.ok && attempt.reason === "throttled") return { ok: false, message: tooManyAttemptsMessage(attempt.retryAfterMs) };
  if (!attempt.ok || attempt.user.id !== user.id) return { ok: false, message: WRONG_PASSWORD[channel] };
  return { ok: true, needsSecondFactor: attempt.needsSecondFactor };
}
