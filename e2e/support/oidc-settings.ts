import { APP_PORT } from "./mail-settings";

/**
 * The OpenID Connect provider the suite signs in through
 * (e2e/support/oidc-provider.mjs, started by e2e/global-setup.ts), and the
 * client the suite's app is registered as. The app's AUTH_OIDC_* variables
 * (playwright.config.ts) point at it.
 */
export const OIDC_PORT = APP_PORT + 100;
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "latchkey-e2e", secret: "e2e-only-oidc-client-secret-0123456789" };
export const OIDC_NAME = "Test SSO";
/** e2e/mail/require-verification.spec.ts's server of its own, which signs in through the provider too. */
export const REQUIRE_VERIFICATION_PORT = APP_PORT + 60;
/** Where the provider may send the browser back to: the suite's app and that server. */
export const OIDC_REDIRECT_URIS = [APP_PORT, REQUIRE_VERIFICATION_PORT].map((port) => `http://localhost:${port}/api/auth/callback/oidc`);
