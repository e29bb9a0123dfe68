/**
 * Which "Sign in with …" providers are configured, from Auth.js's own
 * variable names. Pure and edge-safe: lib/env.ts validates with it at
 * start-up, and middleware (which reads process.env directly) asks it for the
 * authorization origins the Content-Security-Policy's form-action must allow
 * and the buttons a prerendered page must show to be served.
 */

export type FederatedProviderId = "github" | "google" | "microsoft-entra-id" | "oidc";

export interface FederatedProviderSettings {
  id: FederatedProviderId;
  /** The button's "Sign in with {name}" and the session's method on /profile. */
  name: string;
  clientId: string;
  clientSecret: string;
  /** The OpenID Connect issuer (Entra and the generic provider); null for GitHub and Google's fixed ones. */
  issuer: string | null;
  /** Where the browser is sent to sign in: the CSP's form-action must allow it. */
  authorizationOrigin: string;
}

type Source = Record<string, string | undefined>;

interface ProviderVariables {
  id: FederatedProviderId;
  name: string;
  prefix: string;
  /** Besides _ID and _SECRET. */
  needsIssuer: boolean;
  fixedOrigin: string | null;
}

const PROVIDERS: ProviderVariables[] = [
  { id: "github", name: "GitHub", prefix: "AUTH_GITHUB", needsIssuer: false, fixedOrigin: "https://github.com" },
  { id: "google", name: "Google", prefix: "AUTH_GOOGLE", needsIssuer: false, fixedOrigin: "https://accounts.google.com" },
  { id: "microsoft-entra-id", name: "Microsoft", prefix: "AUTH_MICROSOFT_ENTRA_ID", needsIssuer: true, fixedOrigin: null },
  { id: "oidc", name: "SSO", prefix: "AUTH_OIDC", needsIssuer: true, fixedOrigin: null },
];

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function value(source: Source, name: string): string | undefined {
  const raw = source[name]?.trim();
  return raw ? raw : undefined;
}

/** An issuer is https://, or http:// on this machine only (a provider under test). */
function checkIssuer(name: string, issuer: string): { url: URL } | { problem: string } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { problem: `${name} must be a URL, e.g. https://sso.example.com` };
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) return { url };
  return { problem: `${name} must be an https:// URL (http:// only for localhost)` };
}

export interface FederatedProviderReading {
  providers: FederatedProviderSettings[];
  /** One line per half-configured provider, naming the variable that is missing or wrong. */
  problems: string[];
}

export function readFederatedProviders(source: Source): FederatedProviderReading {
  const providers: FederatedProviderSettings[] = [];
  const problems: string[] = [];
  for (const provider of PROVIDERS) {
    const names = { id: `${provider.prefix}_ID`, secret: `${provider.prefix}_SECRET`, issuer: `${provider.prefix}_ISSUER` };
    const required = provider.needsIssuer ? [names.id, names.secret, names.issuer] : [names.id, names.secret];
    const set = required.filter((name) => value(source, name) !== undefined);
    if (set.length === 0) continue;
    const missing = required.filter((name) => value(source, name) === undefined);
    if (missing.length > 0) {
      problems.push(`${missing.join(" and ")} must be set too: ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} set (${provider.name} sign-in)`);
      continue;
    }
    let issuer: string | null = null;
    let authorizationOrigin = provider.fixedOrigin ?? "";
    if (provider.needsIssuer) {
      const checked = checkIssuer(names.issuer, value(source, names.issuer)!);
      if ("problem" in checked) {
        problems.push(checked.problem);
        continue;
      }
      issuer = value(source, names.issuer)!;
      authorizationOrigin = checked.url.origin;
    }
    const name = provider.id === "oidc" ? (value(source, "AUTH_OIDC_NAME") ?? provider.name) : provider.name;
    if (name.length > 40) {
      problems.push("AUTH_OIDC_NAME must be at most 40 characters");
      continue;
    }
    providers.push({
      id: provider.id,
      name,
      clientId: value(source, names.id)!,
      clientSecret: value(source, names.secret)!,
      issuer,
      authorizationOrigin,
    });
  }
  return { providers, problems };
}

/** The words for a session's method on /profile ("github" → "GitHub"). */
export function providerNameOf(id: string, configured: FederatedProviderSettings[]): string | null {
  return configured.find((provider) => provider.id === id)?.name ?? PROVIDERS.find((provider) => provider.id === id)?.name ?? null;
}

export function isFederatedProviderId(id: string): id is FederatedProviderId {
  return PROVIDERS.some((provider) => provider.id === id);
}

/**
 * The "Sign in with …" buttons a list of providers shows, as one
 * attribute-safe string ("" for none): a page prerendered with its buttons
 * (app/static/) records it, and middleware serves that page only to a server
 * whose providers give the same string (lib/request/static-pages.ts).
 */
export function providerButtonsSignature(providers: readonly { id: string; name: string }[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(providers.map(({ id, name }) => [id, name])));
  return providers.length === 0 ? "" : Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
