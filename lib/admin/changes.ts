import type { FlashCategory } from "@/lib/flash/flash";
import type { PublicUser } from "@/lib/users/public-user";

/**
 * What an admin can do to an account, and what the admin page says about
 * it. Pure, so the page (server and client) and the change itself share
 * one set of rules and words.
 */
export { ADMIN_CHANGES, type AdminChange } from "@/lib/validation/admin-changes";
import type { AdminChange } from "@/lib/validation/admin-changes";

export type AdminChangeResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "self" | "not_found" | "no_change" };

interface ChangeCopy {
  /** The button's visible text; its accessible name adds the email. */
  button: string;
  question: (email: string) => string;
  /** "ada@example.com has been …" */
  done: string;
  /** The whole success message, when "has been …" does not fit. */
  doneMessage?: (email: string) => string;
  /** "That user is already …" */
  already: string;
  /** Takes something away, so its Confirm button is red. */
  destructive: boolean;
  /** Why an admin may not do this to themselves; absent when they may. */
  refusedOnSelf?: string;
}

export const ADMIN_CHANGE_COPY: Record<AdminChange, ChangeCopy> = {
  deactivate: {
    button: "Deactivate",
    question: (email) => `Deactivate ${email}? They will be signed out everywhere.`,
    done: "deactivated",
    already: "inactive",
    destructive: true,
    refusedOnSelf: "You cannot deactivate your own account.",
  },
  reactivate: {
    button: "Reactivate",
    question: (email) => `Reactivate ${email}? They will be able to sign in again.`,
    done: "reactivated",
    already: "active",
    destructive: false,
  },
  promote: {
    button: "Promote to admin",
    question: (email) => `Promote ${email} to admin? They will be able to manage every account.`,
    done: "promoted to admin",
    already: "an admin",
    destructive: false,
  },
  demote: {
    button: "Demote to user",
    question: (email) => `Demote ${email} to user? They will lose access to the admin area.`,
    done: "demoted to user",
    already: "a regular user",
    destructive: true,
    refusedOnSelf: "You cannot remove your own admin role.",
  },
  // For the user who lost the phone with their authenticator app and their recovery codes.
  turn_off_two_factor: {
    button: "Turn off two-factor",
    question: (email) =>
      `Turn off two-factor authentication for ${email}? Their password alone will sign in until they turn it on again. They will be told by mail.`,
    done: "",
    doneMessage: (email) => `Two-factor authentication is off for ${email}.`,
    already: "without two-factor authentication",
    destructive: true,
    refusedOnSelf: "Turn off your own two-factor authentication on your profile, with a code.",
  },
};

/** An admin may not lock themselves out: no deactivating or demoting their own account. */
export function isRefusedOnSelf(change: AdminChange): boolean {
  return ADMIN_CHANGE_COPY[change].refusedOnSelf !== undefined;
}

/** The changes to offer on a user's row: the opposite of each current state. */
export function changesFor(
  target: Pick<PublicUser, "id" | "active" | "role"> & { twoFactor?: boolean },
  actorId: string,
): AdminChange[] {
  const changes: AdminChange[] = [
    target.active ? "deactivate" : "reactivate",
    target.role === "ADMIN" ? "demote" : "promote",
  ];
  if (target.twoFactor) changes.push("turn_off_two_factor");
  return target.id === actorId ? changes.filter((change) => !isRefusedOnSelf(change)) : changes;
}

export function describeAdminChangeResult(
  change: AdminChange,
  result: AdminChangeResult,
): { category: FlashCategory; message: string } {
  const copy = ADMIN_CHANGE_COPY[change];
  if (result.ok) {
    const message = copy.doneMessage?.(result.user.email) ?? `${result.user.email} has been ${copy.done}.`;
    return { category: "success", message };
  }
  switch (result.reason) {
    case "self":
      return { category: "error", message: copy.refusedOnSelf ?? "You cannot change your own account." };
    case "not_found":
      return { category: "error", message: "That user no longer exists." };
    case "no_change":
      return { category: "info", message: `Nothing changed: that user is already ${copy.already}.` };
  }
}
