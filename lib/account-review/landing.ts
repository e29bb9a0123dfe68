import "server-only";
import { isReviewRequired } from "@/lib/account-review/flag";

export const REVIEW_PATH = "/profile/review";

/** The review page, keeping where the user was going for "Everything is mine". */
export function reviewUrlFor(next: string | null): string {
  return next ? `${REVIEW_PATH}?${new URLSearchParams({ next })}` : REVIEW_PATH;
}

/**
 * Where a completed sign-in goes: `next` (or the dashboard), unless a
 * password reset since the last review asks the owner to look at the
 * account first. Every sign-in method ends here.
 */
export async function signInLanding(user: { id: string } | { email: string }, next: string | null): Promise<string> {
  // Only the key: a whole user row passed here would filter on its every (by now stale) column.
  const key = "id" in user ? { id: user.id } : { email: user.email };
  if (await isReviewRequired(key)) return reviewUrlFor(next);
  return next ?? "/dashboard";
}
