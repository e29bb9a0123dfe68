/** Where an invalid /verify-email link sends the reader for a new one. */
export function retryOf(signedIn: boolean): { retryHref: string; retryLabel: string } {
  return signedIn
    ? { retryHref: "/dashboard", retryLabel: "Go to your dashboard" }
    : { retryHref: "/login", retryLabel: "Sign in to ask for a new link" };
}
