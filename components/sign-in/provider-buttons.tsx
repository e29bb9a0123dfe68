import { connection } from "next/server";
import { configuredProviders, type ProviderButton } from "@/lib/federated/configured";
import { providerButtonsSignature, type FederatedProviderId } from "@/lib/settings/federated-providers";

/** Each provider's server action (app/actions/provider-sign-in-actions.ts): passed in, as components import nothing from app/. */
export type ProviderSignInActions = Record<FederatedProviderId, (formData: FormData) => Promise<void>>;

interface ProviderButtonsProps {
  actions: ProviderSignInActions;
  /**
   * The id of the sign-in form whose "Remember me" and `next` the buttons
   * submit (they post that form, to their own action). Without it they are
   * a form of their own, with `next` only.
   */
  formId?: string;
  next?: string;
}

/** The running server's providers, read per request. */
export async function ProviderButtons(props: ProviderButtonsProps) {
  await connection();
  return <ProviderButtonList {...props} providers={configuredProviders()} />;
}

/**
 * "Sign in with {name}" for each of `providers`; nothing for none. Plain form
 * posts to server actions, so they work without JavaScript. The container
 * names the list it shows (data-sign-in-providers), which the build records
 * for a prerendered page (scripts/static-twins.mjs).
 */
export function ProviderButtonList({ actions, formId, next, providers }: ProviderButtonsProps & { providers: ProviderButton[] }) {
  if (providers.length === 0) return null;
  const buttons = providers.map((provider) => (
    <button
      key={provider.id}
      type="submit"
      form={formId}
      formAction={actions[provider.id]}
      formNoValidate
      className="inline-flex w-full items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
    >
      Sign in with {provider.name}
    </button>
  ));
  return (
    <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800" data-sign-in-providers={providerButtonsSignature(providers)}>
      {formId ? (
        <div className="space-y-3">{buttons}</div>
      ) : (
        // Every form of the app posts (e2e/security/csrf.spec.ts); the buttons' own actions carry the method too.
        <form method="post" className="space-y-3">
          {next && <input type="hidden" name="next" value={next} />}
          {buttons}
        </form>
      )}
    </div>
  );
}
