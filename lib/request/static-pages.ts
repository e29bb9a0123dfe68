import { FLASH_COOKIE } from "@/lib/flash/flash";

/**
 * The public pages that have a prerendered twin under /static/ (app/static/):
 * the same page as a signed-out visitor with no flash message, no `next` and
 * no error sees it, rendered at build. Middleware answers a GET that carries
 * nothing the page depends on with the twin's recorded HTML
 * (lib/request/static-twins.ts), and leaves everything else to the page
 * itself, rendered per request: a POST (a server action's answer), a query
 * (`next`, `error`), the App Router's own fetches (RSC), a flash cookie, a
 * session token that decodes (the page sends a signed-in visitor on,
 * checking the session in Node). Edge-safe.
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
  /** The App Router's own fetch of a page (an `RSC` header): a payload, not HTML. */
  rsc?: boolean;
  /** Whether any "Sign in with …" provider is configured (the server's setting, not the build's). */
  signInProviders?: boolean;
}

/**
 * The pages that show the "Sign in with …" buttons: their list is the
 * running server's configuration, which a page rendered at build cannot
 * know, so with any provider configured they are rendered per request.
 */
const PROVIDER_BUTTON_PAGES = new Set(["/login", "/register"]);

/** The twin's path when this request may be answered with the prerendered page, else null. */
export function staticTwinFor(request: PageRequest): string | null {
  const twin = STATIC_TWINS[request.pathname] ?? (isStaticTwin(request.pathname) ? request.pathname : undefined);
  if (!twin || (request.method !== "GET" && request.method !== "HEAD") || request.rsc) return null;
  if (request.signInProviders && PROVIDER_BUTTON_PAGES.has(request.pathname)) return null;
  if ([...request.searchParams.keys()].length > 0) return null;
  if (request.hasCookie(FLASH_COOKIE)) return null;
  return twin;
}

/** A twin's own path: asked for by that address, it is the same prerendered page. */
export function isStaticTwin(pathname: string): boolean {
  return Object.values(STATIC_TWINS).includes(pathname);
}
