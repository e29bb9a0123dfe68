import "server-only";
import { db, type DbClient } from "@/lib/db";
import { recordAuditEvent, type AuditRecordOptions } from "@/lib/audit/record-event";
import { enqueueMail } from "@/lib/mail/outbox";
import { throttleKeys } from "@/lib/throttle/limiter";
import { addressesIn, newDeletedUserPseudonym, replaceAddresses } from "@/lib/users/pseudonym";
import type { PublicUser } from "@/lib/users/public-user";

/** Who deletes: the owner (/profile/delete), an admin (/admin/delete) or an operator (`npm run user:delete`). */
export type Deleter = { kind: "owner" } | { kind: "admin"; admin: PublicUser } | { kind: "operator" };

export type DeleteAccountResult =
  | { ok: true; email: string; pseudonym: string }
  | { ok: false; reason: "not_found" | "email_mismatch" | "last_admin" | "self_from_admin" };

export const DELETE_REFUSALS: Record<Exclude<DeleteAccountResult, { ok: true }>["reason"], string> = {
  not_found: "That account no longer exists.",
  email_mismatch: "That is not the account's email address: nothing was deleted.",
  last_admin:
    "This is the last active admin account: promote another admin first, so someone can still manage Latchkey.",
  self_from_admin: "Delete your own account from your profile.",
};

export interface DeleteAccountInput {
  userId: string;
  /** The address the person typed to confirm, normalised; it must still be the account's. */
  confirmedEmail: string;
  by: Deleter;
  /** Outside a request (the operators' script): where the audit record says it came from. */
  request?: AuditRecordOptions["request"];
}

/**
 * Deletes an account and everything of it, in one transaction:
 * - the User row; the schema's `onDelete: Cascade` removes its LoginSession,
 *   ApiKey, Passkey, TotpCredential, RecoveryCode, OneTimeToken (reset,
 *   confirmation, email change, challenges), Account and Session rows (and
 *   any table added later with a cascading relation to User);
 * - what names its addresses (the current and a pending one) without a
 *   relation: throttle counters (`account:<email>`), Auth.js verification
 *   tokens, and every outbox mail to them or about the account, sent or not;
 * - its audit records stay: `onDelete: SetNull` clears the references, and
 *   first each reference becomes the account's pseudonym (actorPseudonym,
 *   targetPseudonym) and every address of the account in any detail (those
 *   above, and any its own records name, like earlier addresses) becomes
 *   the pseudonym too. Then one "account.deleted" / "user.deleted" record.
 * The goodbye mail is the one mail queued for the address afterwards; the
 * sender removes its row once it is sent (lib/mail/delivery.ts).
 */
export async function deleteAccount(input: DeleteAccountInput): Promise<DeleteAccountResult> {
  if (input.by.kind === "admin" && input.by.admin.id === input.userId) return { ok: false, reason: "self_from_admin" };
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, email: true, pendingEmail: true, role: true, active: true },
    });
    if (!user) return { ok: false, reason: "not_found" } as const;
    if (user.email !== input.confirmedEmail) return { ok: false, reason: "email_mismatch" } as const;
    if (user.role === "ADMIN" && user.active) {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: user.id } } });
      if (otherAdmins === 0) return { ok: false, reason: "last_admin" } as const;
    }

    const pseudonym = newDeletedUserPseudonym();
    await pseudonymiseAuditTrail(tx, user, pseudonym);
    // The account's own addresses; earlier ones its records name are only replaced in the log.
    const named = [user.email, ...(user.pendingEmail ? [user.pendingEmail] : [])];
    await tx.rateLimit.deleteMany({ where: { key: { in: named.map(throttleKeys.account) } } });
    await tx.verificationToken.deleteMany({ where: { identifier: { in: named } } });
    await tx.outboxMail.deleteMany({
      where: { OR: [{ to: { in: named } }, { params: { contains: user.id } }, ...named.map((address) => ({ params: { contains: address } }))] },
    });
    await tx.user.delete({ where: { id: user.id } });

    const by = input.by;
    await recordAuditEvent(
      by.kind === "owner"
        ? { action: "account.deleted", actorPseudonym: pseudonym, targetPseudonym: pseudonym }
        : {
            action: "user.deleted",
            actorId: by.kind === "admin" ? by.admin.id : undefined,
            targetPseudonym: pseudonym,
            detail: by.kind === "admin" ? "by an admin" : "by an operator (npm run user:delete)",
          },
      { client: tx, request: input.request },
    );
    await enqueueMail("account_deleted", user.email, { name: user.name, by: by.kind }, tx);
    return { ok: true, email: user.email, pseudonym } as const;
  });
}

/**
 * Puts the pseudonym where the account's id and addresses are in the audit
 * log; returns every address of the account found (the current and pending
 * ones, and those its own records name).
 */
async function pseudonymiseAuditTrail(
  tx: DbClient,
  user: { id: string; email: string; pendingEmail: string | null },
  pseudonym: string,
): Promise<Set<string>> {
  await tx.auditEvent.updateMany({ where: { actorId: user.id }, data: { actorPseudonym: pseudonym } });
  await tx.auditEvent.updateMany({ where: { targetUserId: user.id }, data: { targetPseudonym: pseudonym } });

  const addresses = new Set([user.email, ...(user.pendingEmail ? [user.pendingEmail] : [])]);
  const own = await tx.auditEvent.findMany({
    where: { OR: [{ actorId: user.id }, { targetUserId: user.id }], detail: { contains: "@" } },
    select: { detail: true },
  });
  for (const { detail } of own) for (const address of addressesIn(detail ?? "")) addresses.add(address);

  const naming = await tx.auditEvent.findMany({
    where: { OR: [...addresses].map((address) => ({ detail: { contains: address } })) },
    select: { id: true, detail: true },
  });
  for (const event of naming) {
    await tx.auditEvent.update({
      where: { id: event.id },
      data: { detail: replaceAddresses(event.detail ?? "", addresses, pseudonym) },
    });
  }
  return addresses;
}
