import { removePasskeyAction } from "@/app/profile/passkey-actions";
import { SubmitButton } from "@/components/submit-button";
import { formatDateTime } from "@/lib/format";
import type { PasskeySummary } from "@/lib/passkeys/store";

export function PasskeyList({ passkeys }: { passkeys: PasskeySummary[] }) {
  if (passkeys.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No passkeys yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Passkeys">
      {passkeys.map((passkey) => (
        <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <div>
            <p className="font-semibold break-words">{passkey.name}</p>
            <p className="text-slate-600 dark:text-slate-400">
              Created {formatDateTime(passkey.createdAt)} ·{" "}
              {passkey.lastUsedAt ? `Last used ${formatDateTime(passkey.lastUsedAt)}` : "Never used"}
            </p>
          </div>
          <form action={removePasskeyAction}>
            <input type="hidden" name="passkeyId" value={passkey.id} />
            <SubmitButton variant="secondary" label={`Remove passkey ${passkey.name}`}>
              Remove
            </SubmitButton>
          </form>
        </li>
      ))}
    </ul>
  );
}
