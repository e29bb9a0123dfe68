import "server-only";
import { clearReviewRequired } from "@/lib/account-review/flag";
import { recordAuditEvent } from "@/lib/audit/record-event";

/** "Everything is mine": the review is done, and later sign-ins go straight on. */
export async function confirmAccountReview(userId: string): Promise<void> {
  if (await clearReviewRequired(userId)) await recordAuditEvent({ action: "account.reviewed", actorId: userId });
}
