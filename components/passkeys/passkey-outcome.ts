/**
 * What a passkey server action answers. On success the page navigates
 * itself (a full load, so everything renders with the new session cookie).
 */
export type PasskeyOutcome = { ok: true; redirectTo: string } | { ok: false; message: string };

/** What a server action that starts a ceremony answers: its options, or why not (passkeys off). */
export type PasskeyOptionsResult<Options> = { ok: true; options: Options } | { ok: false; message: string };

/** The browser's own refusals, in words: the user closed the prompt, or no passkey matched. */
export function describeCeremonyError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "The passkey prompt was closed before it finished.";
  if (name === "InvalidStateError") return "This device already has a passkey for this account.";
  if (name === "SecurityError") return "Passkeys do not work on this address. Open the site by its domain name.";
  return "Passkeys did not work in this browser. Please try again.";
}
