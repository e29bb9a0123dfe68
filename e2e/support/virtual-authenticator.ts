import type { CDPSession, Page } from "@playwright/test";

/** A credential as CDP's WebAuthn domain reports it (and takes it back). */
interface Credential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/**
 * A passkey authenticator for one page, through Chromium's DevTools protocol:
 * a platform authenticator (internal, CTAP2) that keeps discoverable
 * credentials and verifies the user (as a fingerprint would), answering
 * every prompt at once. With a passkey for the site it also answers the
 * sign-in page's autofill request (conditional mediation) as a person picking
 * the suggestion would.
 */
export interface VirtualAuthenticator {
  session: CDPSession;
  authenticatorId: string;
  credentials(): Promise<Credential[]>;
  /** Takes the authenticator away (as if the security key were unplugged), returning its credentials. */
  remove(): Promise<Credential[]>;
}

export async function addVirtualAuthenticator(page: Page, credentials: Credential[] = []): Promise<VirtualAuthenticator> {
  const session = await page.context().newCDPSession(page);
  await session.send("WebAuthn.enable");
  const { authenticatorId } = await session.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  for (const credential of credentials) await session.send("WebAuthn.addCredential", { authenticatorId, credential });
  const list = async () => (await session.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  return {
    session,
    authenticatorId,
    credentials: list,
    async remove() {
      const kept = await list();
      await session.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
      return kept;
    },
  };
}

/**
 * Does `navigate` (which ends on the sign-in page) without the authenticator,
 * then brings it back: with no authenticator the browser offers no passkey
 * autofill (conditional mediation), so the passkey is then used only through
 * the "Sign in with a passkey" button, which the test clicks.
 */
export async function withAutofillIdle(
  page: Page,
  authenticator: VirtualAuthenticator,
  navigate: () => Promise<unknown>,
): Promise<VirtualAuthenticator> {
  const credentials = await authenticator.remove();
  await navigate();
  // The sign-in page has asked the browser about autofill (app/login/passkey-sign-in.tsx).
  await page.locator("[data-autofill]:not([data-autofill=checking])").waitFor();
  return addVirtualAuthenticator(page, credentials);
}
