import "server-only";
import { db, type DbClient } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/security/random-token";
import { isUniqueConstraintError } from "@/lib/db-errors";

/**
 * What a token may be used for: a token issued for one purpose is worthless
 * for any other. Add new purposes here.
 */
export type TokenPurpose =
  | "password_reset"
  | "email_verification"
  | "email_change"
  // "This wasn't me" in the mail to the old address of an email change (lib/verification/email-change-cancel.ts).
  | "email_change_cancel"
  // "This wasn't me" in the new-sign-in mail (lib/sign-in-alerts/report.ts).
  | "new_sign_in_report"
  // The half-way state between password and second factor (lib/two-factor/login-challenge.ts).
  | "two_factor_login"
  | "two_factor_reauth"
  // WebAuthn challenges (lib/passkeys/challenges.ts).
  | "webauthn_registration"
  | "webauthn_authentication"
  // The spent nonces of stateless passkey sign-in challenges (lib/passkeys/sign-in-challenge.ts).
  | "webauthn_sign_in_nonce"
  // "Sign in with …": what the button started (Remember me, next, or a Connect of one
  // session), and an identity waiting to be linked to the account it named (lib/linked-accounts/pending.ts).
  | "federated_intent"
  | "federated_link";

export interface TokenToIssue {
  purpose: TokenPurpose;
  userId: string | null;
  ttlMs: number;
  /** Purpose-specific detail, returned when the token is used. */
  data?: string;
}

export interface UsableToken {
  userId: string | null;
  data: string | null;
  createdAt: Date;
}

// randomToken() gives 256 bits as 43 base64url characters; anything else
// cannot be one of ours, and is refused without a database query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(raw: unknown): raw is string {
  return typeof raw === "string" && TOKEN_SHAPE.test(raw);
}

/** Stores a new token's hash and returns the token itself, which is never stored. */
export async function issueToken(token: TokenToIssue, client: DbClient = db, now = new Date()): Promise<string> {
  const raw = randomToken();
  await client.oneTimeToken.create({
    data: {
      purpose: token.purpose,
      tokenHash: hashToken(raw),
      userId: token.userId,
      data: token.data ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + token.ttlMs),
    },
  });
  return raw;
}

function usableWhere(purpose: TokenPurpose, raw: string, now: Date) {
  return { tokenHash: hashToken(raw), purpose, usedAt: null, expiresAt: { gt: now } };
}

/** The token's record while it is unused and unexpired, without using it up. */
export async function findToken(purpose: TokenPurpose, raw: unknown, now = new Date()): Promise<UsableToken | null> {
  if (!isWellFormedToken(raw)) return null;
  return db.oneTimeToken.findFirst({
    where: usableWhere(purpose, raw, now),
    select: { userId: true, data: true, createdAt: true },
  });
}

/**
 * Uses the token up. The conditional update is the only check that counts:
 * of two requests racing with one token, exactly one gets it.
 */
export async function consumeToken(
  purpose: TokenPurpose,
  raw: unknown,
  client: DbClient = db,
  now = new Date(),
): Promise<UsableToken | null> {
  if (!isWellFormedToken(raw)) return null;
  const where = usableWhere(purpose, raw, now);
  const { count } = await client.oneTimeToken.updateMany({ where, data: { usedAt: now } });
  if (count !== 1) return null;
  return client.oneTimeToken.findUnique({
    where: { tokenHash: where.tokenHash },
    select: { userId: true, data: true, createdAt: true },
  });
}

/**
 * Records a single-use value that was never issued as a token (the nonce of
 * a stateless challenge) as spent, until `expiresAt`. The unique token hash
 * is the check: true for the first caller, false for every later one.
 */
export async function spendNonce(purpose: TokenPurpose, nonce: string, expiresAt: Date, now = new Date()): Promise<boolean> {
  try {
    await db.oneTimeToken.create({
      data: { purpose, tokenHash: hashToken(`${purpose}:${nonce}`), userId: null, createdAt: now, expiresAt, usedAt: now },
    });
    return true;
  } catch (error) {
    if (isUniqueConstraintError(error)) return false;
    throw error;
  }
}

/** Voids every live token of the user for these purposes: a newer link voids older ones. */
export async function voidTokens(
  userId: string,
  purposes: TokenPurpose[],
  client: DbClient = db,
  now = new Date(),
): Promise<number> {
  const { count } = await client.oneTimeToken.updateMany({
    where: { userId, purpose: { in: purposes }, usedAt: null },
    data: { usedAt: now },
  });
  return count;
}

/** Removes tokens that can no longer be used, a day after they expired. */
export async function pruneTokens(now = new Date()): Promise<number> {
  const { count } = await db.oneTimeToken.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
  return count;
}
