import { INACTIVE_ACCOUNT_MESSAGE } from "@/lib/messages";

/**
 * Why a "Sign in with …" round trip ended without a session, in words for
 * /login?error=. Auth.js's own codes (a provider's error such as
 * access_denied, a state, PKCE, issuer or nonce check that failed) and the
 * linking rules' refusals (lib/federated/callback.ts).
 */
const NOTHING_CHANGED = "Nothing was changed and you are not signed in: try again, or sign in another way.";

export const FEDERATED_ERROR_MESSAGES: Record<string, string> = {
  // The provider answered with an error (the person cancelled, say), or its answer did not check out.
  OAuthCallbackError: `Signing in with the provider did not complete. ${NOTHING_CHANGED}`,
  OAuthSignin: `The sign-in provider could not be reached. ${NOTHING_CHANGED}`,
  AccessDenied: `Signing in with the provider was refused. ${NOTHING_CHANGED}`,
  // A state, PKCE or nonce check that failed, an issuer that did not match, a provider that is down.
  Configuration: `Signing in with the provider failed: its answer could not be verified. ${NOTHING_CHANGED}`,
  no_email: "The sign-in provider did not give a usable email address, so no account could be found or made for it.",
  inactive: INACTIVE_ACCOUNT_MESSAGE,
  unverified: "Confirm your email address first: we have sent you a new link.",
  unreachable: `The sign-in provider could not be reached, or did not answer as expected. ${NOTHING_CHANGED}`,
  failed: `Signing in with the provider failed. ${NOTHING_CHANGED}`,
};

export type FederatedErrorCode = "no_email" | "inactive" | "unverified" | "unreachable" | "failed";

export function federatedErrorUrl(code: FederatedErrorCode): string {
  return `/login?${new URLSearchParams({ error: code })}`;
}
