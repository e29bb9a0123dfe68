"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash/set-flash";
import { unlinkIdentity } from "@/lib/linked-accounts/link";
import { startFederatedConnect } from "@/lib/auth-js/federated-start";
import { isFederatedProviderId } from "@/lib/settings/federated-providers";

const PROFILE = "/profile";
const FRESH_ON_PROFILE = { access: "fresh", page: PROFILE } as const;

/** "Connect": a fresh login first; then only this session's callback links the identity (lib/federated/callback.ts). */
export const connectProviderAction = formAction(FRESH_ON_PROFILE, async (_input, { session, formData }): Promise<void> => {
  const provider = formData.get("provider");
  if (typeof provider !== "string" || !isFederatedProviderId(provider)) redirect(PROFILE);
  await startFederatedConnect(provider, session);
  redirect(PROFILE);
});

export const disconnectProviderAction = formAction(FRESH_ON_PROFILE, async (_input, { session, formData }): Promise<never> => {
  const provider = formData.get("provider");
  const outcome = typeof provider === "string" ? await unlinkIdentity(session.user, provider) : ({ ok: false, reason: "not_linked" } as const);
  if (outcome.ok) await setFlash("success", `${outcome.name} was disconnected from your account.`);
  else if (outcome.reason === "last_method") {
    await setFlash("error", "Set a password first: this is the only way left to sign in to your account.");
  } else await setFlash("info", "That provider was not connected.");
  redirect(PROFILE);
});
