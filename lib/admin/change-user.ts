import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { AuditAction } from "@/lib/audit/actions";
import { revokeAllSessions } from "@/lib/sessions/registry";
import { isRefusedOnSelf, type AdminChange, type AdminChangeResult } from "@/lib/admin/changes";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";
import { switchUserState } from "@/lib/users/account-state-writes";
import { disableTotp } from "@/lib/two-factor/totp-factor";
import { twoFactorDisabledNotice } from "@/lib/two-factor/notices";

// Each change applies only from the opposite state, in the same statement
// as the write: two admins acting at once cannot both succeed, so each
// real change is audited exactly once.
const EFFECTS = {
  deactivate: { from: { active: true }, to: { active: false }, action: "user.deactivated" },
  reactivate: { from: { active: false }, to: { active: true }, action: "user.reactivated" },
  promote: { from: { role: "USER" }, to: { role: "ADMIN" }, action: "user.promoted" },
  demote: { from: { role: "ADMIN" }, to: { role: "USER" }, action: "user.demoted" },
} as const satisfies Record<Exclude<AdminChange, "turn_off_two_factor">, { from: object; to: object; action: AuditAction }>;

/**
 * Applies one admin change to another user's account. The self rule is
 * enforced here, not only by hiding buttons, since a form can be replayed.
 */
export async function applyAdminChange(
  actor: PublicUser,
  targetId: string,
  change: AdminChange,
): Promise<AdminChangeResult> {
  if (targetId === actor.id && isRefusedOnSelf(change)) return { ok: false, reason: "self" };
  if (change === "turn_off_two_factor") return turnOffTwoFactorFor(actor, targetId);

  const effect = EFFECTS[change];
  const changed = await switchUserState(targetId, effect.from, effect.to);
  const user = await db.user.findUnique({ where: { id: targetId }, select: publicUserSelect });
  if (!user) return { ok: false, reason: "not_found" };
  if (!changed) return { ok: false, reason: "no_change" };

  // Inactive users are already refused on every request; revoking their
  // sessions as well means reactivating them does not bring those back.
  if (change === "deactivate") await revokeAllSessions(targetId);
  await recordAuditEvent({ action: effect.action, actorId: actor.id, targetUserId: targetId });
  return { ok: true, user };
}

/** Removes the user's authenticator app and recovery codes (the lost-phone case); the user is mailed. */
async function turnOffTwoFactorFor(actor: PublicUser, targetId: string): Promise<AdminChangeResult> {
  const user = await db.user.findUnique({ where: { id: targetId }, select: publicUserSelect });
  if (!user) return { ok: false, reason: "not_found" };
  if (!(await disableTotp(targetId))) return { ok: false, reason: "no_change" };
  await recordAuditEvent({ action: "two_factor.admin_disabled", actorId: actor.id, targetUserId: targetId });
  await twoFactorDisabledNotice(user, true);
  return { ok: true, user };
}
