import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { log } from "@/lib/log/logger";
import { federatedErrorUrl } from "@/lib/federated/messages";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { serverEnv } from "@/lib/env";
import { beginIntent } from "@/lib/federated/pending";
import type { FederatedProviderId } from "@/lib/federated/settings";
import type { CurrentSession } from "@/lib/auth/session";

function isConfigured(provider: FederatedProviderId): boolean {
  return serverEnv.federatedProviders.some((settings) => settings.id === provider);
}

/**
 * The "Sign in with …" button: keeps "Remember me" and `next` for the way
 * back (lib/federated/pending.ts), then Auth.js redirects to the provider
 * (a thrown redirect, so call it last).
 */
export async function startFederatedSignIn(provider: FederatedProviderId, formData: FormData): Promise<void> {
  if (!isConfigured(provider)) return;
  const remember = formData.get("remember") === "on";
  const next = safeNextPath(formData.get("next"));
  await beginIntent({ kind: "sign-in", provider, remember, next }, null);
  await redirectToProvider(() => signIn(provider, { redirectTo: next ?? "/dashboard" }));
}

/**
 * Auth.js's redirect to the provider. Finding the provider's endpoints can
 * fail (down, or its discovery document names another issuer): then the
 * sign-in page says so, instead of a 500.
 */
async function redirectToProvider(start: () => Promise<unknown>): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    log.warn({ err: error }, "Sign-in provider could not be reached");
    redirect(federatedErrorUrl("unreachable"));
  }
}

/** "Connect" on /profile: only this session's callback links the identity, and the provider asks for a fresh login. */
export async function startFederatedConnect(provider: FederatedProviderId, session: CurrentSession): Promise<void> {
  if (!isConfigured(provider)) return;
  await beginIntent({ kind: "connect", provider, sessionId: session.id }, session.user.id);
  // GitHub is plain OAuth and knows no prompt=login.
  await redirectToProvider(() => signIn(provider, { redirectTo: "/profile" }, provider === "github" ? undefined : { prompt: "login" }));
}
