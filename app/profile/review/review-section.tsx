import { removeReviewItemAction } from "@/app/profile/review/actions";
import { SubmitButton } from "@/components/submit-button";
import { formatDateTime } from "@/lib/format";
import { describeOrigin } from "@/lib/request/describe-origin";
import type { ReviewItem } from "@/lib/account-review/inventory";
import type { ReviewItemKind } from "@/lib/validation/account-review";
import { ThisDeviceBadge } from "@/components/this-device-badge";

interface ReviewSectionProps {
  title: string;
  kind: ReviewItemKind;
  /** What a row is, for its button's accessible name: "Remove passkey Laptop, added …". */
  noun?: string;
  items: (ReviewItem & { lastSeenAt?: Date })[];
  emptyText: string;
  next: string | null;
  /** The session doing the review: listed as "This device", with no Remove. */
  currentId?: string;
}

const panel = "rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

export function ReviewSection({ title, kind, noun, items, emptyText, next, currentId }: ReviewSectionProps) {
  return (
    <section className={panel}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label={title}>
          {items.map((item) => {
            const origin = describeOrigin(item.ip, item.userAgent);
            const isCurrent = item.id === currentId;
            return (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-semibold break-words">
                    {item.label}
                    {isCurrent && <ThisDeviceBadge />}
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">
                    Added {formatDateTime(item.addedAt)} from {origin}
                    {item.lastSeenAt && ` · Last active ${formatDateTime(item.lastSeenAt)}`}
                  </p>
                </div>
                {!isCurrent && (
                  <form action={removeReviewItemAction}>
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="itemId" value={item.id} />
                    {next && <input type="hidden" name="next" value={next} />}
                    <SubmitButton
                      variant="secondary"
                      label={`${["Remove", noun, item.label].filter(Boolean).join(" ")}, added ${formatDateTime(item.addedAt)} from ${origin}`}
                    >
                      Remove
                    </SubmitButton>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
