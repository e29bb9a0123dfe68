import "server-only";
import { serverEnv, type ServerEnv } from "@/lib/env";

export interface RelyingParty {
  /** The WebAuthn relying-party ID: a passkey works on this host and its subdomains only. */
  id: string;
  name: string;
  /** The origin the browser must report in every ceremony. */
  origin: string;
}

export type PasskeySupport = { available: true; rp: RelyingParty } | { available: false; reason: string };

export const PASSKEYS_UNAVAILABLE_MESSAGE = "Passkeys are not available.";

/**
 * The relying party comes from configuration only, never from a request's
 * Host or X-Forwarded-Host (a forged header must not choose the origin a
 * passkey answer is checked against): RP ID WEBAUTHN_RP_ID, else AUTH_URL's
 * hostname; origin AUTH_URL's. In development without AUTH_URL the origin is
 * http://localhost:$PORT (serverEnv.appOrigin). In production without
 * AUTH_URL there is no origin to trust, so passkeys are off, and said so once
 * at start-up (lib/startup/check.ts). Changing the RP ID later orphans every
 * passkey already made.
 */
export function passkeySupport(env: ServerEnv = serverEnv): PasskeySupport {
  if (env.isProduction && !env.authUrlSet) {
    return {
      available: false,
      reason:
        "AUTH_URL is not set: passkeys are off, since WebAuthn needs the site's public origin " +
        "(set AUTH_URL, e.g. https://auth.example.com, and WEBAUTHN_RP_ID if passkeys should work across subdomains).",
    };
  }
  const host = new URL(env.appOrigin).hostname;
  const id = env.webauthnRpId ?? host;
  if (host !== id && !host.endsWith(`.${id}`)) {
    return {
      available: false,
      reason: `WEBAUTHN_RP_ID (${id}) is not ${host} or a parent domain of it: passkeys are off, as no browser would accept them.`,
    };
  }
  return { available: true, rp: { id, name: env.appName, origin: env.appOrigin } };
}

export function passkeysAvailable(): boolean {
  return passkeySupport().available;
}

/** The relying party, or null when passkeys are off (callers answer PASSKEYS_UNAVAILABLE_MESSAGE). */
export function relyingParty(): RelyingParty | null {
  const support = passkeySupport();
  return support.available ? support.rp : null;
}
