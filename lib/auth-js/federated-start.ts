import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth-js/auth";
import { log } from "@/lib/log/logger";
import { federatedErrorUrl } from "@/lib/federated/messages";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { serverEnv } from "@/lib/env";
import { beginIntent } from "@/lib/linked-accounts/pending";
import type { FederatedProviderId } from "@/lib/settings/federated-providers";
import type { CurrentSession } from "@/lib/auth/session";

function settingsOf(provider: FederatedProviderId) {
  return serverEnv.federatedProviders.find((settings) => settings.id === provider);
}

/**
 * The "Sign in with …" button: keeps "Remember me" and `next` for the way
 * back (lib/linked-accounts/pending.ts), then Auth.js redirects to the provider
 * (a thrown redirect, so call it last).
 */
export async function startFederatedSignIn(provider: FederatedProviderId, formData: FormData): Promise<void> {
  if (!settingsOf(provider)) return;
  const remember = formData.get("remember") === "on";
  const next = safeNextPath(formData.get("next"));
  await beginIntent({ kind: "sign-in", provider, remember, next }, null);
  await redirectToProvider(provider, next ?? "/dashboard");
}

/**
 * Sends the browser to the provider, by Auth.js's URL for it. When finding
 * the provider's endpoints fails (down, or its discovery document names
 * another issuer), Auth.js answers with its error page's URL instead (or
 * throws): then the sign-in page says the provider could not be reached.
 */
async function redirectToProvider(provider: FederatedProviderId, redirectTo: string, params?: Record<string, string>): Promise<never> {
  let url: string | null = null;
  try {
    url = await signIn(provider, { redirectTo, redirect: false }, params);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
  const origin = settingsOf(provider)?.authorizationOrigin;
  if (!url || !origin || !URL.canParse(url) || new URL(url).origin !== origin) {
    log.warn({ provider }, "Sign-in provider could not be reached");
    redirect(federatedErrorUrl("unreachable"));
  }
  redirect(url);
}

// GitHub is plain OAuth and knows no prompt=login; the OpenID Connect ones ask for the login again.
function freshLoginParams(provider: FederatedProviderId): Record<string, string> | undefined {
  return provider === "github" ? undefined : { prompt: "login" };
}

/** "Connect" on /profile: only this session's callback links the identity, and the provider asks for a fresh login. */
export async function startFederatedConnect(provider: FederatedProviderId, session: CurrentSession): Promise<void> {
  if (!settingsOf(provider)) return;
  await beginIntent({ kind: "connect", provider, sessionId: session.id }, session.user.id);
  await redirectToProvider(provider, "/profile", freshLoginParams(provider));
}

/**
 * /reauthenticate for an account without a password: a fresh login at a
 * provider linked to it stands in for typing the password again. Only this
 * session's callback, with this account's identity, confirms it.
 */
export async function startFederatedReauthentication(provider: FederatedProviderId, session: CurrentSession, next: string): Promise<void> {
  if (!settingsOf(provider)) return;
  await beginIntent({ kind: "reauthenticate", provider, sessionId: session.id, next }, session.user.id);
  await redirectToProvider(provider, next, freshLoginParams(provider));
}
