import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import chromium from "./e2e/support/chromium.json";
import { APP_PORT as PORT } from "./e2e/support/mail-settings";
import { SERVER_ENV, SUITE_DEPLOYMENT_ENV } from "./e2e/support/server-env";
import { SUITE_PROVIDER_ENV } from "./e2e/support/suite-deployment.mjs";

// The suite runs against a production build made with the suite's provider
// variables (SUITE_PROVIDER_ENV: scripts/test-all.mjs does it), so that the
// prerendered /login and /register are what the suite's server serves. DATABASE_URL picks the database; the test runner and the server share it.
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
    // Ready as the specs' own servers are (e2e/support/server-process.mjs): database answering, migrations applied.
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    // e2e/support/server-env.ts: what the suite's servers and the specs' own share.
    env: {
      ...SERVER_ENV,
      ...SUITE_DEPLOYMENT_ENV,
      // "Sign in with Test SSO": the provider e2e/global-setup.ts starts (the build has it too).
      ...SUITE_PROVIDER_ENV,
    },
  },
});
