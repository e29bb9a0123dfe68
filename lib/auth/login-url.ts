// Where to send someone who needs to (re-)authenticate before seeing a page.
// Edge-safe: middleware uses these too.

export function loginUrlFor(nextPath: string): string {
  return `/login?${new URLSearchParams({ next: nextPath })}`;
}

export function reauthenticateUrlFor(nextPath: string): string {
  return `/reauthenticate?${new URLSearchParams({ next: nextPath })}`;
}

/** Clears an ended session's cookies, says so, then goes to sign-in. */
export function sessionExpiredUrlFor(nextPath: string): string {
  return `/session-expired?${new URLSearchParams({ next: nextPath })}`;
}
