import { connectProviderAction, disconnectProviderAction } from "@/app/profile/connected-account-actions";
import { SubmitButton } from "@/components/submit-button";
import { formatDateTime } from "@/lib/format";
import type { ConnectedIdentity } from "@/lib/linked-accounts/link";
import type { ProviderButton } from "@/lib/federated/configured";

interface ConnectedAccountsProps {
  identities: ConnectedIdentity[];
  configured: ProviderButton[];
}

/** The providers linked to the account, and Connect for the configured ones that are not. */
export function ConnectedAccounts({ identities, configured }: ConnectedAccountsProps) {
  const linked = new Set(identities.map((identity) => identity.provider));
  const connectable = configured.filter((provider) => !linked.has(provider.id));
  return (
    <div className="space-y-4">
      {identities.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No sign-in providers connected.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Connected accounts">
          {identities.map((identity) => (
            <li key={identity.provider} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div>
                <p className="font-semibold">{identity.name}</p>
                <p className="text-slate-600 dark:text-slate-400">
                  Connected {formatDateTime(identity.createdAt)} ·{" "}
                  {identity.lastUsedAt ? `Last used ${formatDateTime(identity.lastUsedAt)}` : "Never used"}
                </p>
              </div>
              <form action={disconnectProviderAction}>
                <input type="hidden" name="provider" value={identity.provider} />
                <SubmitButton variant="secondary" label={`Disconnect ${identity.name}`}>
                  Disconnect
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      {connectable.map((provider) => (
        <form key={provider.id} action={connectProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <SubmitButton variant="secondary" label={`Connect ${provider.name}`}>
            Connect {provider.name}
          </SubmitButton>
        </form>
      ))}
    </div>
  );
}
