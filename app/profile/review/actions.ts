"use server";

import { formAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireFreshSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { reviewUrlFor } from "@/lib/account-review/landing";
import { removeReviewedItem } from "@/lib/account-review/remove-item";
import { confirmAccountReview } from "@/lib/account-review/confirm-review";
import { setFlash } from "@/lib/flash/set-flash";
import { formValues } from "@/lib/form-state";
import { removeReviewItemSchema } from "@/lib/validation/account-review";

export const removeReviewItemAction = formAction(handleRemoveReviewItem);
/** "Remove" next to a passkey, API key, authenticator app or session; back to the review either way. */
async function handleRemoveReviewItem(formData: FormData): Promise<never> {
  const back = reviewUrlFor(safeNextPath(formData.get("next")));
  const session = await requireFreshSession(back);
  const parsed = removeReviewItemSchema.safeParse(formValues(formData, ["kind", "itemId"] as const));
  if (!parsed.success) {
    await setFlash("info", "That could not be removed: reload the page and try again.");
    redirect(back);
  }
  const outcome = await removeReviewedItem(
    { sessionId: session.id, user: session.user },
    parsed.data.kind,
    parsed.data.itemId,
  );
  await setFlash(outcome.removed ? "success" : "info", outcome.message);
  redirect(back);
}

export const confirmAccountReviewAction = formAction(handleConfirmAccountReview);
/** "Everything is mine": the review is done; on to where the sign-in was going. */
async function handleConfirmAccountReview(formData: FormData): Promise<never> {
  const next = safeNextPath(formData.get("next"));
  const session = await requireFreshSession(reviewUrlFor(next));
  await confirmAccountReview(session.user.id);
  redirect(next ?? "/dashboard");
}
