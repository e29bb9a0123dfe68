import { test, expect } from "./fixtures";
import { specPort, startServer, type SpecServer } from "./support/servers";

// A second server of the same build whose database is unreachable: the
// health check must say so with 503, quickly, without crashing the app.
// Its own offsets: +50 is e2e/account-deletion.spec.ts's (scripts/spec-ports.test.ts).
const PORT = specPort(52);
const UNREACHABLE_DATABASE = "postgresql://latchkey@127.0.0.1:1/unreachable";

test.describe.configure({ mode: "serial" });

let server: SpecServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000); // a server of its own starting (polled until it answers, 503 as it will)
  // No SMTP_URL: in production that is allowed, with a warning.
  server = await startServer(PORT, { DATABASE_URL: UNREACHABLE_DATABASE, SMTP_URL: "" }, { deployment: "own", ready: { accept: "any" } });
});

test.afterAll(async () => {
  await server?.stop();
});

test("health answers 503 when the database cannot be reached", async ({ request }) => {
  const response = await request.get(`http://127.0.0.1:${PORT}/api/health`);
  expect(response.status()).toBe(503);
  // Mail would only be logged. Nothing about the outbox: its backlog would
  // tell a stranger whether a reset address has an account.
  expect(await response.json()).toEqual({
    status: "unavailable",
    database: "unavailable",
    mail: { transport: "log" },
  });

  // The app keeps serving pages that need no database.
  const page = await request.get(`http://127.0.0.1:${PORT}/api/openapi.json`);
  expect(page.status()).toBe(200);
});

test("a production server without SMTP_URL says once that mail only goes to the log", async () => {
  const warnings = server?.output().match(/SMTP_URL is not set: mail .* is not sent/g) ?? [];
  expect(warnings).toHaveLength(1);
});

test("a production server with SMTP_URL but no AUTH_URL refuses to start, and says why", async () => {
  const start = startServer(specPort(53), { DATABASE_URL: UNREACHABLE_DATABASE, SMTP_URL: "smtp://127.0.0.1:1", AUTH_URL: "" }, { deployment: "own" });
  await expect(start).rejects.toThrow(/AUTH_URL must be set when SMTP_URL is/);
});
