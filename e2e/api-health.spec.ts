import { spawn, type ChildProcess } from "node:child_process";
import { test, expect } from "./fixtures";

// A second server of the same build whose database is unreachable: the
// health check must say so with 503, quickly, without crashing the app.
const PORT = Number(process.env.E2E_PORT ?? 3210) + 50;
const UNREACHABLE_DATABASE = "postgresql://latchkey@127.0.0.1:1/unreachable";

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: UNREACHABLE_DATABASE,
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/api/openapi.json`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error("the second server did not start");
});

test.afterAll(() => {
  server?.kill();
});

test("health answers 503 when the database cannot be reached", async ({ request }) => {
  const response = await request.get(`http://127.0.0.1:${PORT}/api/health`);
  expect(response.status()).toBe(503);
  // No SMTP_URL on this server: mail would only be logged, and with no
  // database the outbox cannot be counted.
  expect(await response.json()).toEqual({
    status: "unavailable",
    database: "unavailable",
    mail: { transport: "log", undelivered: null },
  });

  // The app keeps serving pages that need no database.
  const page = await request.get(`http://127.0.0.1:${PORT}/api/openapi.json`);
  expect(page.status()).toBe(200);
});
