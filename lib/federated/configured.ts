import "server-only";
import { serverEnv } from "@/lib/env";
import { readFederatedProviders, type FederatedProviderId } from "@/lib/settings/federated-providers";
import { providerVariables } from "@/lib/settings/runtime-settings.mjs";

export interface ProviderButton {
  id: FederatedProviderId;
  name: string;
}

/** The running server's providers, read per request. */
export function configuredProviders(): ProviderButton[] {
  return serverEnv.federatedProviders.map(({ id, name }) => ({ id, name }));
}

/**
 * The providers of the environment a page is rendered in, for the pages
 * prerendered at build (app/static/): the build's, which middleware serves
 * only to a server configured with the same ones (lib/request/static-pages.ts).
 * Without lib/env.ts, which a build need not satisfy.
 */
export function providersOfThisEnvironment(): ProviderButton[] {
  return readFederatedProviders(providerVariables()).providers.map(({ id, name }) => ({ id, name }));
}
