import fs from "node:fs";
import path from "node:path";

/** The label of a request no route of the build matches (a 404, a public file): never its path. */
export const UNMATCHED_ROUTE = "(unmatched)";

/**
 * The route pattern a path belongs to, for the HTTP histogram's `route`
 * label: `/reset-password/[token]`, never `/reset-password/9f2c…` (a raw
 * path would put a mailed token in the metrics and give every token its own
 * series). Patterns come from the build's routes manifest.
 * @param {{ staticRoutes?: { page: string }[], dynamicRoutes?: { page: string, regex: string }[] }} manifest
 * @returns {(pathname: string) => string}
 */
export function routeMatcher(manifest) {
  const exact = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    if (pathname === "/metrics") return "/metrics";
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (exact.has(trimmed)) return trimmed;
    for (const route of dynamic) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED_ROUTE;
  };
}

/**
 * The matcher of the build in `distDir` (every path unmatched when it has no manifest).
 * @param {string} distDir
 */
export function loadRouteMatcher(distDir) {
  try {
    return routeMatcher(JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
  } catch {
    return routeMatcher({});
  }
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** @param {string | undefined} method */
export function methodLabel(method) {
  return method && METHODS.has(method) ? method : "other";
}

/** @param {number} status */
export function statusClass(status) {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
