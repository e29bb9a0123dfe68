import "server-only";
import { serverEnv } from "@/lib/env";
import type { FederatedProviderId } from "@/lib/settings/federated-providers";

export interface ProviderButton {
  id: FederatedProviderId;
  name: string;
}

/** The configured providers, read per request (never baked into a prerendered page). */
export function configuredProviders(): ProviderButton[] {
  return serverEnv.federatedProviders.map(({ id, name }) => ({ id, name }));
}
