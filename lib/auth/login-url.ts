/** Where to send a visitor who needs to sign in before seeing `nextPath`. */
export function loginUrlFor(nextPath: string): string {
  return `/login?${new URLSearchParams({ next: nextPath })}`;
}
