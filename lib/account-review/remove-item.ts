import "server-only";
import { removeOwnPasskey } from "@/lib/passkeys/changes";
import { revokeOwnApiKey } from "@/lib/api-keys/changes";
import { turnOffAuthenticatorByOwner } from "@/lib/two-factor/changes";
import { revokeUserSession } from "@/lib/sessions/registry";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { ReviewItemKind } from "@/lib/validation/account-review";

interface Reviewer {
  /** The session doing the review: it cannot sign itself out here. */
  sessionId: string;
  user: { id: string; email: string; name: string };
}

export interface RemovalOutcome {
  removed: boolean;
  message: string;
}

/**
 * "Remove" on the review page: the passkey removed, the key revoked, the
 * authenticator app turned off (the owner has just proved the mailbox and the
 * password, which is what a reset is for), or the session signed out. Each
 * is recorded, and factor and key changes are mailed as anywhere else.
 */
export async function removeReviewedItem(reviewer: Reviewer, kind: ReviewItemKind, id: string): Promise<RemovalOutcome> {
  const { user } = reviewer;
  switch (kind) {
    case "passkey": {
      const passkey = await removeOwnPasskey(user, id);
      return passkey
        ? { removed: true, message: `The passkey “${passkey.name}” has been removed.` }
        : { removed: false, message: "That passkey had already been removed." };
    }
    case "api_key": {
      const key = await revokeOwnApiKey(user, id);
      return key
        ? { removed: true, message: `The API key “${key.name}” has been revoked.` }
        : { removed: false, message: "That API key had already been revoked." };
    }
    case "authenticator":
      return (await turnOffAuthenticatorByOwner(user))
        ? { removed: true, message: "The authenticator app has been turned off." }
        : { removed: false, message: "The authenticator app was already off." };
    case "session": {
      const revoked = id !== reviewer.sessionId && (await revokeUserSession(user.id, id));
      if (revoked) await recordAuditEvent({ action: "session.revoked", actorId: user.id, detail: "one other session" });
      return revoked
        ? { removed: true, message: "That session has been signed out." }
        : { removed: false, message: "That session had already ended." };
    }
  }
}
