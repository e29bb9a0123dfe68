import type { OAuthConfig } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { FederatedProviderId, FederatedProviderSettings } from "@/lib/settings/federated-providers";

/**
 * Auth.js providers for the configured "Sign in with …" settings. Every one
 * uses the authorization code flow with PKCE and `state`; the OpenID Connect
 * ones also a `nonce` bound to the ID token. None keeps the provider's tokens:
 * lib/federated/callback.ts takes the identity and lets the tokens go.
 */

/** What the linking rules need from a provider's profile, the same shape for every provider. */
export interface FederatedIdentity {
  provider: FederatedProviderId;
  providerAccountId: string;
  /** As the provider sent it, unchecked: lib/federated/callback.ts runs it through the forms' schema. */
  email: string | null;
  /** Only true when the provider vouches for the address. */
  emailVerified: boolean;
  name: string | null;
}

type Profile = Record<string, unknown>;

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * GitHub's profile email is whatever the person made public, and Auth.js's
 * fallback takes the primary address without looking at `verified`. Here the
 * address is always the primary one from /user/emails, and counts as
 * confirmed only when GitHub says that one is verified.
 */
export async function fetchGitHubProfile(apiBaseUrl: string, accessToken: string): Promise<Profile> {
  const headers = { Authorization: `Bearer ${accessToken}`, "User-Agent": "latchkey", Accept: "application/vnd.github+json" };
  const userResponse = await fetch(`${apiBaseUrl}/user`, { headers });
  if (!userResponse.ok) throw new Error(`GitHub /user answered ${userResponse.status}`);
  const profile = (await userResponse.json()) as Profile;
  const emailsResponse = await fetch(`${apiBaseUrl}/user/emails`, { headers });
  const emails = emailsResponse.ok ? ((await emailsResponse.json()) as GitHubEmail[]) : [];
  const primary = Array.isArray(emails) ? emails.find((entry) => entry?.primary) : undefined;
  return {
    ...profile,
    email: primary?.email ?? null,
    email_verified: primary?.verified === true,
  };
}

/** The provider's profile as the linking rules see it. */
export function identityFromProfile(provider: FederatedProviderId, profile: Profile): FederatedIdentity | null {
  const id = provider === "github" ? profile.id : profile.sub;
  const providerAccountId = typeof id === "number" ? String(id) : text(id);
  if (!providerAccountId) return null;
  const email = text(profile.email);
  // Microsoft Entra ID sends no email_verified claim, and its `email` is
  // whatever a tenant admin typed: never a confirmed address.
  const emailVerified = provider !== "microsoft-entra-id" && email !== null && profile.email_verified === true;
  const name = provider === "github" ? (text(profile.name) ?? text(profile.login)) : (text(profile.name) ?? text(profile.preferred_username));
  return { provider, providerAccountId, email, emailVerified, name };
}

/** Auth.js's user from the profile: only used for its callbacks, never stored by Auth.js. */
function userFromProfile(provider: FederatedProviderId) {
  return (profile: Profile) => {
    const identity = identityFromProfile(provider, profile);
    return { id: identity?.providerAccountId ?? "", email: identity?.email ?? null, name: identity?.name ?? null };
  };
}

export interface ProviderOptions {
  /** Tests only: where GitHub's endpoints live (a local stub); GitHub Enterprise in production would fit too. */
  githubBaseUrl?: string;
}

export function buildProvider(settings: FederatedProviderSettings, options: ProviderOptions = {}): OAuthConfig<Profile> {
  const credentials = { clientId: settings.clientId, clientSecret: settings.clientSecret };
  switch (settings.id) {
    case "github": {
      const apiBaseUrl = options.githubBaseUrl ? `${options.githubBaseUrl}/api/v3` : "https://api.github.com";
      const base = GitHub({ ...credentials, ...(options.githubBaseUrl && { enterprise: { baseUrl: options.githubBaseUrl } }) });
      return {
        ...base,
        checks: ["pkce", "state"],
        userinfo: {
          url: `${apiBaseUrl}/user`,
          request: ({ tokens }: { tokens: { access_token?: string } }) => fetchGitHubProfile(apiBaseUrl, tokens.access_token ?? ""),
        },
        profile: userFromProfile("github"),
      } as OAuthConfig<Profile>;
    }
    case "google":
      return { ...Google(credentials), checks: ["pkce", "state", "nonce"], profile: userFromProfile("google") } as OAuthConfig<Profile>;
    case "microsoft-entra-id":
      return {
        // Auth.js's own profile() fetches a photo from Microsoft Graph on every sign-in: not needed here.
        ...MicrosoftEntraID({ ...credentials, issuer: settings.issuer ?? undefined }),
        checks: ["pkce", "state", "nonce"],
        profile: userFromProfile("microsoft-entra-id"),
      } as OAuthConfig<Profile>;
    case "oidc":
      return {
        id: "oidc",
        name: settings.name,
        type: "oidc",
        issuer: settings.issuer ?? undefined,
        ...credentials,
        authorization: { params: { scope: "openid email profile" } },
        // The profile from the userinfo endpoint (many issuers put the address
        // only there); the ID token is still checked, nonce included.
        idToken: false,
        checks: ["pkce", "state", "nonce"],
        profile: userFromProfile("oidc"),
      } as OAuthConfig<Profile>;
  }
}
