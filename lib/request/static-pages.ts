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
}

/**
 * The twins that show the "Sign in with …" buttons. Their list is the
 * running server's configuration; the twin has the build's, so it is served
 * only where the two are the same (twinShowsTheseProviders).
 */
const PROVIDER_BUTTON_TWINS = new Set(["/static/login", "/static/register"]);

/** The twin's path when this request may be answered with the prerendered page, else null. */
export function staticTwinFor(request: PageRequest): string | null {
  const twin = STATIC_TWINS[request.pathname] ?? (isStaticTwin(request.pathname) ? request.pathname : undefined);
  if (!twin || (request.method !== "GET" && request.method !== "HEAD") || request.rsc) return null;
  if ([...request.searchParams.keys()].length > 0) return null;
  if (request.hasCookie(FLASH_COOKIE)) return null;
  return twin;
}

/**
 * Whether a twin, which shows the buttons its build recorded (`recorded`, a
 * providerButtonsSignature), shows the running server's (`configured`): true
 * for a twin without buttons.
 */
export function twinShowsTheseProviders(twinPath: string, recorded: string, configured: string): boolean {
  return !PROVIDER_BUTTON_TWINS.has(twinPath) || recorded === configured;
}

/** A twin's own path: asked for by that address, it is the same prerendered page. */
export function isStaticTwin(pathname: string): boolean {
  return Object.values(STATIC_TWINS).includes(pathname);
}
