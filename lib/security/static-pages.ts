import { FLASH_COOKIE } from "@/lib/flash/flash";

/**
 * The public pages that have a prerendered twin under /static/ (app/static/):
 * the same page as a signed-out visitor with no flash message, no `next` and
 * no error sees it, rendered at build. Middleware serves the twin (a rewrite:
 * the address stays) to a GET that carries nothing the page depends on, and
 * the page itself, rendered per request, to everything else: a POST (a server
 * action's answer), a query (`next`, `error`), a flash cookie, a session
 * token that decodes (the page sends a signed-in visitor on, checking the
 * session in Node). Edge-safe.
 */
export const STATIC_TWINS: Readonly<Record<string, string>> = {
  "/": "/static/home",
  "/login": "/static/login",
  "/register": "/static/register",
  "/forgot-password": "/static/forgot-password",
};

export interface PageRequest {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  hasCookie: (name: string) => boolean;
  /** Whether any "Sign in with …" provider is configured (the server's setting, not the build's). */
  signInProviders?: boolean;
}

/**
 * The pages that show the "Sign in with …" buttons: their list is the
 * running server's configuration, which a page rendered at build cannot
 * know, so with any provider configured they are rendered per request.
 */
const PROVIDER_BUTTON_PAGES = new Set(["/login", "/register"]);

/** The twin's path when this request may be served the prerendered page, else null. */
export function staticTwinFor(request: PageRequest): string | null {
  const twin = STATIC_TWINS[request.pathname];
  if (!twin || (request.method !== "GET" && request.method !== "HEAD")) return null;
  if (request.signInProviders && PROVIDER_BUTTON_PAGES.has(request.pathname)) return null;
  // `_rsc` is the App Router's cache-busting parameter on its own fetches of a page.
  for (const name of request.searchParams.keys()) if (name !== "_rsc") return null;
  if (request.hasCookie(FLASH_COOKIE)) return null;
  return twin;
}

/** A twin's own path (middleware sees the rewritten request too). */
export function isStaticTwin(pathname: string): boolean {
  return Object.values(STATIC_TWINS).includes(pathname);
}
