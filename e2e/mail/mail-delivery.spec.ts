import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect } from "../fixtures";
import { createUser } from "../support/users";
import { startServer, type SpecServer } from "../support/servers";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { startMailSink, type MailSink } from "../support/mail-sink";
import { linkIn, waitForMail } from "../support/mailbox";
import { sql } from "../support/database";
import { APP_PORT } from "../support/mail-settings";

// A server of its own, whose mail server is down at first: the outbox must
// keep the mail, through a crash of the app too, and deliver it once SMTP is back.
const PORT = APP_PORT + 70;
const SMTP_PORT = APP_PORT + 71;

test.describe.configure({ mode: "serial" });
// Each test starts its server (twice for the restart), waits for a failed
// delivery, then for the retry 5 s later (lib/mail/retry-schedule.ts).
test.slow("waits for servers of its own to start, a CLI-made user, and a mail retry");

let database: ScratchDatabase;
let server: SpecServer | undefined;
let sink: MailSink | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000); // a migrated scratch database
  database = await createScratchDatabase("delivery");
});

test.afterEach(async () => {
  await server?.stop("SIGKILL");
  await sink?.close();
  server = sink = undefined;
});

test.afterAll(async () => {
  await database?.drop();
});

const startOwnServer = () => startServer(PORT, { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}` }, { deployment: "own" });

async function requestReset(page: Page, email: string) {
  await page.goto(`http://localhost:${PORT}/forgot-password`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists for that address")).toBeVisible();
}

/** Waits until a delivery attempt to `to` has failed (the mail server refused the connection). */
async function waitForFailedAttempt(to: string) {
  await expect
    .poll(
      async () => {
        const [row] = await sql<{ attempts: number; outcome: string | null; sentAt: unknown }>(
          `SELECT "attempts", "outcome", "sentAt" FROM "OutboxMail" WHERE "to" = $1`,
          [to],
          database.url,
        );
        return row && !row.sentAt && Number(row.attempts) >= 1 ? (row.outcome ?? "") : "";
      },
      { message: "a failed delivery attempt is recorded", timeout: 20_000 },
    )
    .toContain("ECONNREFUSED");
}

/** The outbox's backlog (not public: /api/health does not show it). */
async function undeliveredCount(): Promise<number> {
  const [row] = await sql<{ count: number | string }>(
    `SELECT COUNT(*) AS "count" FROM "OutboxMail" WHERE "sentAt" IS NULL AND "closedAt" IS NULL`,
    [],
    database.url,
  );
  return Number(row?.count ?? -1);
}

const mailDirectory = (label: string) => path.join(os.tmpdir(), `latchkey-e2e-delivery-${APP_PORT}-${label}-${Date.now()}`);

test("a mail queued while the mail server is down is delivered once it is back", async ({ page }) => {
  const user = await createUser({ databaseUrl: database.url });
  server = await startOwnServer();
  await requestReset(page, user.email);
  await waitForFailedAttempt(user.email);
  expect(await undeliveredCount()).toBe(1);

  const directory = mailDirectory("down");
  sink = await startMailSink(SMTP_PORT, directory);
  const mail = await waitForMail(user.email, "Reset your password", { directory, timeout: 30_000 });
  linkIn(mail, "/reset-password?token=", `http://localhost:${PORT}`);
  await expect.poll(undeliveredCount, { timeout: 10_000 }).toBe(0);
});

test("a mail queued before the server is killed is delivered after it restarts", async ({ page }) => {
  const user = await createUser({ databaseUrl: database.url });
  server = await startOwnServer();
  await requestReset(page, user.email);
  await waitForFailedAttempt(user.email);
  await server.stop("SIGKILL");

  const directory = mailDirectory("restart");
  sink = await startMailSink(SMTP_PORT, directory);
  server = await startOwnServer();
  const mail = await waitForMail(user.email, "Reset your password", { directory, timeout: 30_000 });

  // The link mailed after the restart works.
  await page.goto(linkIn(mail, "/reset-password?token=", `http://localhost:${PORT}`));
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
});
