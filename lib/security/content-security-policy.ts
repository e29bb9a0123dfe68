/**
 * The Content-Security-Policy of every page: scripts only from this origin or
 * carrying this response's nonce (Next.js adds it to its own inline scripts),
 * so an injected <script> does not run; no framing; no plugins. Inline
 * styles stay allowed (React's style attributes), inline scripts do not.
 * Edge-safe: built in middleware, which passes the configured sign-in
 * providers' authorization origins (lib/settings/federated-providers.ts).
 */
export function contentSecurityPolicy(nonce: string, development: boolean, formActionOrigins: string[] = []): string {
  // 'unsafe-eval' only for the development server's hot reloading.
  return policyWith(`'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`, development, formActionOrigins);
}

/**
 * The same policy for a page prerendered at build, which carries no nonce:
 * its scripts are allowed by the hashes its build recorded
 * (scripts/static-twins.mjs): the inline ones by their content's sha256, the
 * external ones by their integrity hash. 'strict-dynamic' lets those load
 * the chunks they need, and nothing else runs: an injected <script> matches
 * no hash.
 */
export function staticPagePolicy(scriptSources: string[], formActionOrigins: string[] = []): string {
  return policyWith(`'self' ${scriptSources.join(" ")} 'strict-dynamic'`, false, formActionOrigins);
}

function policyWith(scriptSources: string, development: boolean, formActionOrigins: string[]): string {
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // A "Sign in with …" form's redirect to its provider is checked against form-action too.
    ["form-action 'self'", ...formActionOrigins].join(" "),
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
