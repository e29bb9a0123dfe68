/**
 * The Content-Security-Policy of every page: scripts only from this origin or
 * carrying this response's nonce (Next.js adds it to its own inline scripts),
 * so an injected <script> does not run; no framing; no plugins. Inline
 * styles stay allowed (React's style attributes), inline scripts do not.
 * Edge-safe: built in middleware.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only for the development server's hot reloading.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
