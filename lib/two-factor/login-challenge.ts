import "server-only";
import { z } from "zod";
import { consumeToken, findToken, issueToken } from "@/lib/tokens/one-time-token";
import { clearTokenCookie, readTokenCookie, setTokenCookie } from "@/lib/tokens/token-cookie";
import { hashToken } from "@/lib/security/random-token";

/**
 * The half-way state between a correct password and the second factor. It
 * is a one-time token (lib/tokens/) whose only copy lives in an httpOnly
 * cookie of this browser: it expires after 5 minutes, is used up by the one
 * request that completes the step, and is no session at all, so no page or
 * API call accepts it. Re-authentication of a signed-in session uses the
 * same mechanism, with the session's id in the token so it completes only
 * that session.
 */
export const TWO_FACTOR_STEP_TTL_MS = 5 * 60_000;

export type PendingStepKind = "sign-in" | "re-authentication";

const STEPS = {
  "sign-in": { purpose: "two_factor_login", cookie: "latchkey-2fa-login" },
  "re-authentication": { purpose: "two_factor_reauth", cookie: "latchkey-2fa-reauth" },
} as const;

const stepDataSchema = z.object({
  remember: z.boolean(),
  next: z.string().nullable(),
  /** Re-authentication only: the session being confirmed. */
  sessionId: z.string().nullable(),
  /** The provider that stood in for the password ("github"), if one did. */
  provider: z.enum(["github", "google", "microsoft-entra-id", "oidc"]).optional(),
});

export type PendingStepData = z.infer<typeof stepDataSchema>;

export interface PendingStep extends PendingStepData {
  userId: string;
  /** Names this step (not its cookie's value) for its budget of wrong codes. */
  stepId: string;
}

export async function beginPendingStep(kind: PendingStepKind, userId: string, data: PendingStepData): Promise<void> {
  const raw = await issueToken({
    purpose: STEPS[kind].purpose,
    userId,
    ttlMs: TWO_FACTOR_STEP_TTL_MS,
    data: JSON.stringify(data),
  });
  await setTokenCookie(STEPS[kind].cookie, raw, TWO_FACTOR_STEP_TTL_MS);
}

function rawStepToken(kind: PendingStepKind): Promise<string | undefined> {
  return readTokenCookie(STEPS[kind].cookie);
}

function toPendingStep(raw: string | undefined, token: { userId: string | null; data: string | null } | null): PendingStep | null {
  if (!raw || !token?.userId || !token.data) return null;
  try {
    const data = stepDataSchema.safeParse(JSON.parse(token.data));
    return data.success ? { userId: token.userId, stepId: hashToken(raw), ...data.data } : null;
  } catch {
    return null;
  }
}

/** The pending step of this browser, without using it up (showing the page, counting a wrong code). */
export async function readPendingStep(kind: PendingStepKind): Promise<PendingStep | null> {
  const raw = await rawStepToken(kind);
  return toPendingStep(raw, await findToken(STEPS[kind].purpose, raw));
}

/** Uses the pending step up; of two requests racing with it, one gets it. Clears its cookie either way. */
export async function completePendingStep(kind: PendingStepKind): Promise<PendingStep | null> {
  const raw = await rawStepToken(kind);
  const step = toPendingStep(raw, await consumeToken(STEPS[kind].purpose, raw));
  await clearPendingStep(kind);
  return step;
}

export function clearPendingStep(kind: PendingStepKind): Promise<void> {
  return clearTokenCookie(STEPS[kind].cookie);
}
