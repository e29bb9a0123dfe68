/** Pages that need a signed-in user; middleware checks these optimistically. */
const PROTECTED_PREFIXES = ["/dashboard", "/profile", "/admin"];

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
