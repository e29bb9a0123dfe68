// The suite's app and its "Sign in with Test SSO" provider: the port the app
// is served on (E2E_PORT), the OpenID Connect provider e2e/global-setup.ts
// starts next to it, and the client the app is registered as. Plain
// JavaScript (types in suite-deployment.d.mts) because scripts/test-all.mjs
// builds the app with the provider's variables too: the prerendered /login
// and /register (app/static/) show the build's buttons, and middleware serves
// them only to a server configured with the same ones.

export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
export const OIDC_PORT = APP_PORT + 100;
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "latchkey-e2e", secret: "e2e-only-oidc-client-secret-0123456789" };
export const OIDC_NAME = "Test SSO";

/** The app's AUTH_OIDC_* variables: the suite's server's, and its build's. */
export const SUITE_PROVIDER_ENV = {
  AUTH_OIDC_ISSUER: OIDC_ISSUER,
  AUTH_OIDC_ID: OIDC_CLIENT.id,
  AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
  AUTH_OIDC_NAME: OIDC_NAME,
};
