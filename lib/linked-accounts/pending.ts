import "server-only";
import { z } from "zod";
import { consumeToken, findToken, issueToken, type TokenPurpose } from "@/lib/tokens/one-time-token";
import { clearTokenCookie, readTokenCookie, setTokenCookie } from "@/lib/tokens/token-cookie";

/**
 * The two pieces of state a "Sign in with …" round trip keeps in this
 * browser, each a one-time token (lib/tokens/) whose only copy is an
 * httpOnly cookie: nothing in them can be forged or replayed, and each
 * expires after ten minutes.
 *
 * - The intent, written by the button's server action before the redirect to
 *   the provider: "Remember me", where to go next, and for a Connect from
 *   /profile, or a re-authentication of an account without a password, the
 *   session that asked. Used up by the callback.
 * - The pending link, written by the callback when the provider's address
 *   belongs to an existing account: the identity, and the account it may be
 *   linked to once someone signs in to that account the usual way.
 */
export const FEDERATED_STEP_TTL_MS = 10 * 60_000;

const intentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sign-in"), provider: z.string(), remember: z.boolean(), next: z.string().nullable() }),
  z.object({ kind: z.literal("connect"), provider: z.string(), sessionId: z.string() }),
  z.object({ kind: z.literal("reauthenticate"), provider: z.string(), sessionId: z.string(), next: z.string() }),
]);
export type FederatedIntent = z.infer<typeof intentSchema>;

const linkSchema = z.object({
  provider: z.string(),
  providerAccountId: z.string(),
  email: z.string(),
  remember: z.boolean(),
  next: z.string().nullable(),
});
export type PendingLink = z.infer<typeof linkSchema> & { userId: string };

const STATES = {
  intent: { purpose: "federated_intent", cookie: "latchkey-federated" },
  link: { purpose: "federated_link", cookie: "latchkey-federated-link" },
} as const satisfies Record<string, { purpose: TokenPurpose; cookie: string }>;

type Kind = keyof typeof STATES;

async function write(kind: Kind, userId: string | null, data: unknown): Promise<void> {
  const raw = await issueToken({ purpose: STATES[kind].purpose, userId, ttlMs: FEDERATED_STEP_TTL_MS, data: JSON.stringify(data) });
  await setTokenCookie(STATES[kind].cookie, raw, FEDERATED_STEP_TTL_MS);
}

function raw(kind: Kind): Promise<string | undefined> {
  return readTokenCookie(STATES[kind].cookie);
}

function clear(kind: Kind): Promise<void> {
  return clearTokenCookie(STATES[kind].cookie);
}

function parse<Schema extends z.ZodType>(schema: Schema, data: string | null | undefined): z.output<Schema> | null {
  if (!data) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function beginIntent(intent: FederatedIntent, userId: string | null): Promise<void> {
  await write("intent", userId, intent);
}

/** The intent of this browser's round trip, used up; null when there is none (or it expired). */
export async function takeIntent(): Promise<(FederatedIntent & { userId: string | null }) | null> {
  const token = await consumeToken(STATES.intent.purpose, await raw("intent"));
  await clear("intent");
  const intent = parse(intentSchema, token?.data);
  return intent && { ...intent, userId: token?.userId ?? null };
}

export async function beginPendingLink(userId: string, link: z.infer<typeof linkSchema>): Promise<void> {
  await write("link", userId, link);
}

/** The pending link, without using it up (the /login/link page). */
export async function readPendingLink(): Promise<PendingLink | null> {
  const token = await findToken(STATES.link.purpose, await raw("link"));
  const link = parse(linkSchema, token?.data);
  return link && token?.userId ? { ...link, userId: token.userId } : null;
}

/** Uses the pending link up, whoever signed in; the caller links it only to its own account. */
export async function takePendingLink(): Promise<PendingLink | null> {
  const value = await raw("link");
  if (!value) return null;
  const token = await consumeToken(STATES.link.purpose, value);
  await clear("link");
  const link = parse(linkSchema, token?.data);
  return link && token?.userId ? { ...link, userId: token.userId } : null;
}

export async function discardPendingLink(): Promise<void> {
  await clear("link");
}
