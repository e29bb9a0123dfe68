import { revokeApiKeyAction } from "@/app/profile/api-key-actions";
import { SubmitButton } from "@/components/submit-button";
import { formatDateTime } from "@/lib/format";
import type { ApiKeySummary } from "@/lib/api-keys/registry";

export function ApiKeyList({ keys }: { keys: ApiKeySummary[] }) {
  if (keys.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No API keys yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="API keys">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <div>
            <p className="font-semibold">{key.name}</p>
            <p className="text-slate-600 dark:text-slate-400">
              <code className="font-mono">{key.prefix}…</code> · Created {formatDateTime(key.createdAt)} ·{" "}
              {key.lastUsedAt ? `Last used ${formatDateTime(key.lastUsedAt)}` : "Never used"}
            </p>
          </div>
          <form action={revokeApiKeyAction}>
            <input type="hidden" name="apiKeyId" value={key.id} />
            <SubmitButton variant="secondary" label={`Revoke API key ${key.name}`}>
              Revoke
            </SubmitButton>
          </form>
        </li>
      ))}
    </ul>
  );
}
