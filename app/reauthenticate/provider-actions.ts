"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { reauthenticateUrlFor } from "@/lib/auth/login-url";
import { startFederatedReauthentication } from "@/lib/auth-js/federated-start";
import { isFederatedProviderId } from "@/lib/settings/federated-providers";

const reauthenticatePage = (formData: FormData) => reauthenticateUrlFor(safeNextPath(formData.get("next")) ?? "/dashboard");

/** "Continue with {provider}" on /reauthenticate (accounts without a password): the provider's fresh login confirms the session. */
export const reauthenticateWithProviderAction = formAction(
  { access: "signed-in", page: reauthenticatePage },
  async (_input, { session, formData }): Promise<never> => {
    const next = safeNextPath(formData.get("next")) ?? "/dashboard";
    const provider = formData.get("provider");
    if (typeof provider === "string" && isFederatedProviderId(provider)) await startFederatedReauthentication(provider, session, next);
    redirect(reauthenticateUrlFor(next));
  },
);
