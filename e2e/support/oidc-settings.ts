import { APP_PORT } from "./suite-deployment.mjs";

/**
 * The OpenID Connect provider the suite signs in through
 * (e2e/support/oidc-provider.mjs, started by e2e/global-setup.ts), and the
 * client the suite's app is registered as (e2e/support/suite-deployment.mjs).
 */
export { OIDC_CLIENT, OIDC_ISSUER, OIDC_NAME, OIDC_PORT, SUITE_PROVIDER_ENV } from "./suite-deployment.mjs";
/** e2e/mail/require-verification.spec.ts's server of its own, which signs in through the provider too. */
export const REQUIRE_VERIFICATION_PORT = APP_PORT + 60;
/** Where the provider may send the browser back to: the suite's app and that server. */
export const OIDC_REDIRECT_URIS = [APP_PORT, REQUIRE_VERIFICATION_PORT].map((port) => `http://localhost:${port}/api/auth/callback/oidc`);
