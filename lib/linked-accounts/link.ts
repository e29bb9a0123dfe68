import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { changeNoticeParams } from "@/lib/mail/change-notice";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { setFlash } from "@/lib/flash/set-flash";
import { isUniqueConstraintError } from "@/lib/db-errors";
import { providerNameOf, type FederatedProviderId } from "@/lib/settings/federated-providers";
import { takePendingLink } from "@/lib/linked-accounts/pending";

/**
 * The linked provider identities of accounts: Account rows, written only
 * here. One identity (provider + its account id) belongs to one account at
 * most: the unique index decides, not a lookup before the insert.
 */

export function providerName(provider: string): string {
  return providerNameOf(provider, serverEnv.federatedProviders) ?? provider;
}

export async function findLinkedUserId(provider: string, providerAccountId: string): Promise<string | null> {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}

export async function touchIdentity(provider: string, providerAccountId: string, now = new Date()): Promise<void> {
  await db.account.updateMany({ where: { provider, providerAccountId }, data: { lastUsedAt: now } });
}

export type LinkOutcome = { ok: true } | { ok: false; reason: "in_use_elsewhere" | "already_linked" | "provider_taken" };

/**
 * Links the identity to the account, audits it and mails the owner. Refused
 * when the identity is another account's, or when the account already has a
 * different identity of this provider (one GitHub per account).
 */
export async function linkIdentity(
  user: { id: string; name: string; email: string },
  provider: FederatedProviderId,
  providerAccountId: string,
  now = new Date(),
): Promise<LinkOutcome> {
  const owner = await findLinkedUserId(provider, providerAccountId);
  if (owner) return { ok: false, reason: owner === user.id ? "already_linked" : "in_use_elsewhere" };
  const sameProvider = await db.account.count({ where: { userId: user.id, provider } });
  if (sameProvider > 0) return { ok: false, reason: "provider_taken" };
  try {
    await db.account.create({
      data: { userId: user.id, type: provider === "github" ? "oauth" : "oidc", provider, providerAccountId, createdAt: now, lastUsedAt: now },
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) return { ok: false, reason: "in_use_elsewhere" };
    throw error;
  }
  const name = providerName(provider);
  await recordAuditEvent({ action: "federated.connected", actorId: user.id, detail: name });
  await enqueueMail("federated_connected", user.email, await changeNoticeParams(user.name, name, now));
  return { ok: true };
}

export const LINK_REFUSALS: Record<Exclude<LinkOutcome, { ok: true }>["reason"], (name: string) => string> = {
  in_use_elsewhere: (name) => `This ${name} account is in use elsewhere: it is already connected to another account.`,
  already_linked: (name) => `This ${name} account is already connected to your account.`,
  provider_taken: (name) => `Another ${name} account is already connected to your account. Disconnect it first.`,
};

/**
 * After a sign-in by any method: if this browser carries a pending link (the
 * provider found an existing account by its address), and the account just
 * signed in to is the one it named, link the identity now. A sign-in to any
 * other account drops it unlinked.
 */
export async function completePendingLink(userId: string): Promise<void> {
  const pending = await takePendingLink();
  if (!pending || pending.userId !== userId) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
  if (!user || user.email !== pending.email) return;
  const provider = pending.provider as FederatedProviderId;
  const outcome = await linkIdentity(user, provider, pending.providerAccountId);
  const name = providerName(provider);
  await setFlash(outcome.ok ? "success" : "error", outcome.ok ? `${name} was connected to your account.` : LINK_REFUSALS[outcome.reason](name));
}

export interface ConnectedIdentity {
  provider: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listIdentities(userId: string): Promise<ConnectedIdentity[]> {
  const accounts = await db.account.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { provider: true, createdAt: true, lastUsedAt: true },
  });
  return accounts.map((account) => ({ ...account, name: providerName(account.provider) }));
}

export type UnlinkOutcome = { ok: true; name: string } | { ok: false; reason: "not_linked" | "last_method" };

/**
 * Disconnects a provider, unless it is the account's last way to sign in
 * (no password, no passkey, no other provider): "Set a password first".
 * Audited and mailed.
 */
export async function unlinkIdentity(user: { id: string; name: string; email: string }, provider: string): Promise<UnlinkOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const [account, owner, passkeys, others] = await Promise.all([
      tx.account.findFirst({ where: { userId: user.id, provider }, select: { id: true } }),
      tx.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } }),
      tx.passkey.count({ where: { userId: user.id } }),
      tx.account.count({ where: { userId: user.id, provider: { not: provider } } }),
    ]);
    if (!account) return { ok: false as const, reason: "not_linked" as const };
    if (!owner?.passwordHash && passkeys === 0 && others === 0) return { ok: false as const, reason: "last_method" as const };
    await tx.account.delete({ where: { id: account.id } });
    return { ok: true as const };
  });
  if (!outcome.ok) return outcome;
  const name = providerName(provider);
  await recordAuditEvent({ action: "federated.disconnected", actorId: user.id, detail: name });
  await enqueueMail("federated_disconnected", user.email, await changeNoticeParams(user.name, name));
  return { ok: true, name };
}
