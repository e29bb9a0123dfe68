import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import chromium from "./e2e/support/chromium.json";
import { E2E_BCRYPT_COST } from "./e2e/support/bcrypt-cost";
import { APP_PORT as PORT, SMTP_PORT } from "./e2e/support/mail-settings";
import { OIDC_CLIENT, OIDC_ISSUER, OIDC_NAME } from "./e2e/support/oidc-settings";

// The suite runs against a production build (`next build` first; scripts/test-all.mjs
// does it). DATABASE_URL picks the database; the test runner and the server share it.
// Pages are served as localhost, not 127.0.0.1: WebAuthn refuses an IP address
// as relying-party ID, and mailed links are built from AUTH_URL.
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium where present (these machines cannot download
// Playwright's browsers); Playwright's own browser elsewhere. Its flags
// (shared with the benchmark's Lighthouse run) keep it off the network,
// which is closed here and would refuse its background connections.
// Headless runs use Debian's headless shell (package chromium-headless-shell),
// as Playwright's own headless runs do: on four specs it took 145 CPU-seconds
// and 82 s where the full browser took 259 and 136. A window needs the full browser.
// Workers load this file again without the command line: they inherit the choice through the environment.
const watched = ["--headed", "--debug", "--ui"].some((flag) => process.argv.includes(flag)) || Boolean(process.env.PWDEBUG);
if (watched) process.env.E2E_WATCHED = "1";
const executablePath = [...(process.env.E2E_WATCHED ? [] : [chromium.headlessShellPath]), chromium.systemPath].find((candidate) =>
  fs.existsSync(candidate),
);

export default defineConfig({
  testDir: "e2e",
  // The SMTP server the app sends its mail to (e2e/support/mail-sink.ts).
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // A failed test keeps its trace (actions, DOM snapshots, network), but
    // without the screencast: recorded for every test, its frames took about
    // a fifth of a run's CPU (Chromium's GPU and browser processes).
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: chromium.args,
        },
      },
    },
  ],
  webServer: {
    // The production entry of `npm start` (scripts/start.mjs), one process unless WEB_CONCURRENCY says otherwise.
    command: `node scripts/start.mjs -H 127.0.0.1 -p ${PORT}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use-0123456789",
      AUTH_URL: baseURL,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // As behind a proxy: tests choose their client address (e2e/fixtures.ts).
      TRUST_PROXY: "true",
      BCRYPT_COST: E2E_BCRYPT_COST,
      // The run ends with a SIGTERM: no readiness delay before the server stops.
      SHUTDOWN_READY_DELAY_SECONDS: "0",
      // "Sign in with Test SSO": the provider e2e/global-setup.ts starts.
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_ID: OIDC_CLIENT.id,
      AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
      AUTH_OIDC_NAME: OIDC_NAME,
    },
  },
});
