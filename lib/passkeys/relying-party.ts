import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";

export interface RelyingParty {
  /** The WebAuthn relying-party ID: a passkey works on this host and its subdomains only. */
  id: string;
  name: string;
  /** The origin the browser must report in every ceremony. */
  origin: string;
}

/**
 * WEBAUTHN_RP_ID, else the hostname of AUTH_URL; the expected origin is
 * AUTH_URL's. Without AUTH_URL (development, tests) both come from the
 * request's own host, as Auth.js's trustHost does for its URLs. Changing the
 * RP ID later orphans every passkey already made, so production sets AUTH_URL
 * (and WEBAUTHN_RP_ID when passkeys should work across subdomains).
 */
export async function relyingParty(): Promise<RelyingParty> {
  const configured = process.env.AUTH_URL ? new URL(process.env.AUTH_URL) : null;
  let origin: string;
  if (configured) {
    origin = configured.origin;
  } else {
    const list = await headers();
    const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
    const protocol = list.get("x-forwarded-proto") === "https" ? "https" : "http";
    origin = new URL(`${protocol}://${host}`).origin;
  }
  const id = process.env.WEBAUTHN_RP_ID?.trim() || new URL(origin).hostname;
  return { id, name: serverEnv.appName, origin };
}
