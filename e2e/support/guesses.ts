import { expect, type Page } from "@playwright/test";
import { captureServerAction, replayHeaders } from "../security/support";
import { passwordStep } from "./browser";
import { sql } from "./database";
import { httpRequest, LOAD_USER_AGENT, type HttpAnswer } from "./http-client.mjs";

// Guesses as an attacker sends them: many at once, over plain HTTP, to any
// server of the deployment. What was really checked is read from the audit
// log, which records every secret that was compared.

export function basicAuth(email: string, password: string): { Authorization: string } {
  return { Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` };
}

/** GET /api/me with Basic credentials, from `ip`. */
export function basicGuess(baseURL: string, email: string, password: string, ip: string): Promise<HttpAnswer> {
  return httpRequest(`${baseURL}/api/me`, { headers: { ...basicAuth(email, password), "x-forwarded-for": ip, "user-agent": LOAD_USER_AGENT } });
}

/** How many audit records of `action` for this account mention `detail`: the secrets actually compared. */
export async function auditCount(action: string, detail: string, targetUserId: string): Promise<number> {
  const rows = await sql<{ count: string | number }>(
    `SELECT COUNT(*) AS "count" FROM "AuditEvent" WHERE "action" = $1 AND "targetUserId" = $2 AND "detail" LIKE $3`,
    [action, targetUserId, `%${detail}%`],
  );
  return Number(rows[0]?.count);
}

/**
 * Takes a two-factor account through the password step in `page`, types
 * `firstCode` on the code step once (a real submission), and returns a
 * function that replays that server action with another code, over plain
 * HTTP to any server running the same build, with this browser's half-way
 * cookie: as an attacker who holds the cookie would.
 */
export async function captureCodeStep(page: Page, user: { email: string; password: string }, firstCode: string) {
  await passwordStep(page, user);
  await page.getByLabel("Authentication code").fill(firstCode);
  const action = await captureServerAction(page, () => page.getByRole("button", { name: "Verify" }).click());
  await expect(page.getByText("That code is not valid.")).toBeVisible();
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const text = action.body.toString("utf8");
  expect(text, "the captured body carries the typed code").toContain(firstCode);
  const path = new URL(action.url).pathname;

  return (baseURL: string, code: string, ip: string): Promise<HttpAnswer> =>
    httpRequest(`${baseURL}${path}`, {
      method: "POST",
      headers: { ...replayHeaders(action, new URL(baseURL).origin), cookie, "x-forwarded-for": ip },
      body: text.replace(firstCode, code),
    });
}
