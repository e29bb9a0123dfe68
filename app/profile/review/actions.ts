"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { reviewUrlFor } from "@/lib/account-review/landing";
import { removeReviewedItem } from "@/lib/account-review/remove-item";
import { confirmAccountReview } from "@/lib/account-review/confirm-review";
import { setFlash } from "@/lib/flash/set-flash";
import { removeReviewItemSchema } from "@/lib/validation/account-review";

/** The review page this form came from, with its `next`. */
const reviewPage = (formData: FormData) => reviewUrlFor(safeNextPath(formData.get("next")));

/** "Remove" next to a passkey, API key, authenticator app or session; back to the review either way. */
export const removeReviewItemAction = formAction(
  {
    access: "fresh",
    page: reviewPage,
    form: {
      fields: ["kind", "itemId"],
      schema: removeReviewItemSchema,
      refused: { category: "info", message: "That could not be removed: reload the page and try again." },
    },
  },
  async ({ kind, itemId }, { session, page }): Promise<never> => {
    const outcome = await removeReviewedItem({ sessionId: session.id, user: session.user }, kind, itemId);
    await setFlash(outcome.removed ? "success" : "info", outcome.message);
    redirect(page);
  },
);

/** "Everything is mine": the review is done; on to where the sign-in was going. */
export const confirmAccountReviewAction = formAction({ access: "fresh", page: reviewPage }, async (_input, { session, formData }): Promise<never> => {
  await confirmAccountReview(session.user.id);
  redirect(safeNextPath(formData.get("next")) ?? "/dashboard");
});
