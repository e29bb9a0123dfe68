import { E2E_BCRYPT_COST } from "./bcrypt-cost";
import { APP_PORT, SMTP_PORT } from "./mail-settings";
import { TEST_SERVER_DEFAULTS } from "./server-process.mjs";

// The environment of every app server the suite runs, defined once: the
// suite's own (playwright.config.ts's webServer) and those a spec starts
// (e2e/support/servers.ts).

/** The AUTH_SECRET of the suite's servers (a spec that forges a token needs it). */
export const E2E_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use-0123456789";

/** What every server of the suite runs with. */
export const SERVER_ENV = {
  // Also the starter's defaults, here for Playwright's own webServer, which does not go through it.
  ...TEST_SERVER_DEFAULTS,
  // As behind a proxy: tests choose their client address (e2e/fixtures.ts).
  TRUST_PROXY: "true",
  BCRYPT_COST: E2E_BCRYPT_COST,
};

/**
 * What every instance of the suite's deployment shares, as instances of one
 * deployment do: the secret, the public URL (mailed links start with it)
 * and the mail server, the test runner's sink. A spec server that sent mail
 * elsewhere would take mails from the shared outbox away from other specs.
 */
export const SUITE_DEPLOYMENT_ENV = {
  AUTH_SECRET: E2E_SECRET,
  AUTH_URL: `http://localhost:${APP_PORT}`,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
};

/**
 * A deployment of its own on `port` (its own database, given by the spec):
 * served as localhost like the suite's, its own public URL, and no mail
 * server unless the spec gives one.
 */
export function ownDeploymentEnv(port: number) {
  return { AUTH_SECRET: E2E_SECRET, AUTH_URL: `http://localhost:${port}`, SMTP_URL: "" };
}
