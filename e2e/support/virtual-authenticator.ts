import type { CDPSession, Page } from "@playwright/test";

/**
 * A passkey authenticator for one page, through Chromium's DevTools protocol:
 * a platform authenticator (internal, CTAP2) that keeps discoverable
 * credentials and verifies the user (as a fingerprint would), answering
 * every prompt at once.
 */
export interface VirtualAuthenticator {
  session: CDPSession;
  authenticatorId: string;
  credentials(): Promise<{ credentialId: string; signCount: number; userHandle?: string }[]>;
}

export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
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
  return {
    session,
    authenticatorId,
    async credentials() {
      const { credentials } = await session.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials;
    },
  };
}
