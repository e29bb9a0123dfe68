"use server";

import { formAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { reauthenticateUrlFor } from "@/lib/auth/login-url";
import { startFederatedReauthentication } from "@/lib/auth-js/federated-start";
import { isFederatedProviderId } from "@/lib/settings/federated-providers";

export const reauthenticateWithProviderAction = formAction(handleReauthenticateWithProvider);
/** "Continue with {provider}" on /reauthenticate (accounts without a password): the provider's fresh login confirms the session. */
async function handleReauthenticateWithProvider(formData: FormData): Promise<never> {
  const next = safeNextPath(formData.get("next")) ?? "/dashboard";
  const session = await requireSession(reauthenticateUrlFor(next));
  const provider = formData.get("provider");
  if (typeof provider === "string" && isFederatedProviderId(provider)) await startFederatedReauthentication(provider, session, next);
  redirect(reauthenticateUrlFor(next));
}
