export const UNMATCHED_ROUTE: string;
export function routeMatcher(manifest: { staticRoutes?: { page: string }[]; dynamicRoutes?: { page: string; regex: string }[] }): (pathname: string) => string;
export function loadRouteMatcher(distDir: string): (pathname: string) => string;
export function methodLabel(method: string | undefined): string;
export function statusClass(status: number): string;
