import { z } from "zod";

/** The kinds of thing the review after a reset lists, each with its "Remove" button. */
export const REVIEW_ITEM_KINDS = ["passkey", "api_key", "authenticator", "session"] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];

/** One "Remove" form of /profile/review. Ids are opaque; a wrong one removes nothing. */
export const removeReviewItemSchema = z.object({
  kind: z.enum(REVIEW_ITEM_KINDS),
  itemId: z.string().min(1).max(512),
});
