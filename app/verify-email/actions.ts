"use server";

import { formStateActionWith } from "@/lib/actions/server-action";
import { getCurrentSession } from "@/lib/auth/session";
import { confirmEmail } from "@/lib/verification/email-verification";
import { EMAIL_IN_USE_MESSAGE } from "@/lib/verification/email-change";
import { INVALID_LINK_MESSAGE } from "@/lib/recovery/messages";
import { mailedTokenSchema } from "@/lib/validation/mailed-token";

export type ConfirmEmailState =
  | { status: "idle" }
  | { status: "confirmed" | "refused"; message: string; signedIn: boolean };

const CONFIRMED = {
  verified: "Your email address is confirmed.",
  changed: "Your email address is confirmed. Sign in with it from now on.",
} as const;

/**
 * The "Confirm email address" button: the only place a /verify-email token
 * is used, signed in or not (the link proves the mailbox, which is all it is
 * meant to prove). A bad token is the same refusal as a used one, not a field error.
 */
export const confirmEmailAction = formStateActionWith(
  { access: "anyone", page: "/verify-email" },
  async ({ formData }): Promise<ConfirmEmailState> => {
    const parsed = mailedTokenSchema.safeParse({ token: formData.get("token") ?? undefined });
    const session = await getCurrentSession();
    const signedIn = session !== null;
    if (!parsed.success) return { status: "refused", message: INVALID_LINK_MESSAGE, signedIn };

    const outcome = await confirmEmail(parsed.data.token, session && { id: session.id, userId: session.user.id });
    if (outcome.ok) return { status: "confirmed", message: CONFIRMED[outcome.kind], signedIn };
    return { status: "refused", message: outcome.reason === "email_taken" ? EMAIL_IN_USE_MESSAGE : INVALID_LINK_MESSAGE, signedIn };
  },
);
