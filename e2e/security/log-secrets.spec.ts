import { randomUUID } from "node:crypto";
import { basicAuth } from "../support/guesses";
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, randomClientIp } from "../fixtures";
import { registerWithForm, signInWithForm, signOut } from "../support/browser";
import { postCredentialsForm } from "../support/credentials";
import { confirmWithLink } from "../support/email-links";
import { linkIn, waitForMail } from "../support/mailbox";
import { APP_PORT } from "../support/mail-settings";
import { specPort, startServer, type SpecServer } from "../support/servers";
import { turnOnTwoFactor } from "../support/totp";
import { createUser, uniqueEmail } from "../support/users";

// A server of its own, so that its whole output is this spec's to search:
// every flow that handles a secret runs against it, then no secret used or
// received may appear in what it printed, which must be JSON lines.

const MAIL_ORIGIN = `http://localhost:${APP_PORT}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type LogLine = Record<string, unknown> & { level: string; msg: string; time: string };

function logLines(server: SpecServer): LogLine[] {
  return server
    .output()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
}


/** A mailed link, opened on the spec's server (mail is built for the suite's origin; the database is shared). */
function onServer(link: string, server: SpecServer): string {
  return link.replace(MAIL_ORIGIN, server.baseURL);
}

test.describe("logs", () => {
  // One server for the file, so one worker.
  test.describe.configure({ mode: "serial" });
  let server: SpecServer;
  test.beforeAll(async () => {
    server = await startServer(specPort(21));
  });
  test.afterAll(async () => {
    if (server) await server.stop();
  });

  test("X-Request-Id is returned on every response; a sane incoming one is kept, any other replaced", async () => {
    const api = await playwrightRequest.newContext({ baseURL: server.baseURL });
    const kept = await api.get("/login", { headers: { "x-request-id": "edge-proxy.42_a-b" } });
    expect(kept.headers()["x-request-id"]).toBe("edge-proxy.42_a-b");
    for (const insane of ["has spaces", "x".repeat(129), "<script>", ""]) {
      const replaced = await api.get("/api/health", { headers: { "x-request-id": insane } });
      expect(replaced.headers()["x-request-id"], insane).toMatch(UUID);
    }
    const missing = await api.get("/api/no-such-endpoint");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["x-request-id"]).toMatch(UUID);
    await api.dispose();
  });

  test("a wrong password is one info line with the request's id and the auth fields, never a stack trace", async () => {
    const ip = randomClientIp();
    const api = await playwrightRequest.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } });
    const user = await createUser({ name: "Wrong Walter" });
    const requestId = `wrong-password-${randomUUID()}`;
    // A sign-in straight at Auth.js's endpoint: the request that printed "[auth][error] CredentialsSignin" and a stack.
    const answer = await postCredentialsForm(api, { email: user.email, password: "not the password at all" }, { "x-request-id": requestId });
    expect(answer.status()).toBe(302);
    expect(answer.headers()["x-request-id"]).toBe(requestId);

    await expect.poll(() => logLines(server).filter((line) => line.reqId === requestId).length).toBeGreaterThan(0);
    const lines = logLines(server).filter((line) => line.reqId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "Sign-in failed",
      event: "sign_in.failed",
      userId: user.id,
      method: "password",
      outcome: "failure",
      ip,
    });
    expect(JSON.stringify(lines[0])).not.toContain("stack");
    expect(server.output()).not.toContain("[auth][error]");
    await api.dispose();
  });

  test("no password, code, token, link, cookie, key or secret of a whole account's life is in the output", async ({ browser }) => {
    // Registration, mails, two sign-ins, a reset and bcrypt throughout, on a loaded machine.
    test.setTimeout(180_000);
    const ip = randomClientIp();
    const context = await browser.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } });
    const page = await context.newPage();
    const secrets = new Map<string, string>();
    const user = { name: "Secret Sam", email: uniqueEmail("log-secrets"), password: `first ${randomUUID()}` };
    secrets.set("password at registration", user.password);

    await registerWithForm(page, user);
    await expect(page).toHaveURL("/dashboard");
    for (const cookie of await context.cookies()) secrets.set(`cookie ${cookie.name}`, cookie.value);

    const confirmLink = linkIn(await waitForMail(user.email, "Confirm your email address"), "/verify-email?token=", MAIL_ORIGIN);
    secrets.set("confirmation link", confirmLink);
    secrets.set("confirmation token", new URL(confirmLink).searchParams.get("token") ?? "");
    await confirmWithLink(page, onServer(confirmLink, server));
    await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();

    await signOut(page, { from: "/dashboard" });
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const resetLink = linkIn(await waitForMail(user.email, "Reset your password"), "/reset-password?token=", MAIL_ORIGIN);
    secrets.set("reset link", resetLink);
    secrets.set("reset token", new URL(resetLink).searchParams.get("token") ?? "");
    const newPassword = `second ${randomUUID()}`;
    secrets.set("password after reset", newPassword);
    await page.goto(onServer(resetLink, server));
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL("/login");

    await signInWithForm(page, user.email, newPassword);
    // The dashboard, or the review of the account that a reset asks for.
    await expect(page).toHaveURL(/\/(dashboard|profile\/review)/);
    const { app, recoveryCodes } = await turnOnTwoFactor(page);
    secrets.set("TOTP secret", app.secret);
    recoveryCodes.forEach((code, index) => secrets.set(`recovery code ${index + 1}`, code));
    secrets.set("code at setup", app.lastCode());

    await signOut(page, { from: "/dashboard" });
    await signInWithForm(page, user.email, newPassword);
    await expect(page).toHaveURL("/login/two-factor");
    const code = await app.nextCode();
    secrets.set("code at sign-in", code);
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/(dashboard|profile\/review)/);
    for (const cookie of await context.cookies()) secrets.set(`cookie ${cookie.name} after sign-in`, cookie.value);

    await page.goto("/profile");
    await page.getByLabel("Key name", { exact: true }).fill("Log test");
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByLabel("New API key").textContent()) ?? "";
    expect(key.length).toBeGreaterThan(20);
    secrets.set("API key", key);

    const api = await playwrightRequest.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } });
    expect((await api.get("/api/me", { headers: { "x-api-key": key } })).status()).toBe(200);
    expect((await api.get("/api/me", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);
    const basicUser = await createUser({ name: "Basic Bea", password: `basic ${randomUUID()}` });
    secrets.set("Basic password", basicUser.password);
    const header = basicAuth(basicUser.email, basicUser.password).Authorization;
    secrets.set("Basic header", header.slice("Basic ".length));
    expect((await api.get("/api/me", { headers: { authorization: header } })).status()).toBe(200);
    // The second-factor account's password over Basic: refused, and still not logged.
    expect((await api.get("/api/me", { headers: { authorization: basicAuth(user.email, newPassword).Authorization } })).status()).toBe(401);
    await api.dispose();
    await context.close();

    const output = server.output();
    for (const [what, secret] of secrets) {
      expect(secret.length, what).toBeGreaterThanOrEqual(6);
      expect(output.includes(secret), `${what} is in the server's output`).toBe(false);
    }

    const lines = logLines(server);
    for (const line of lines) {
      expect(typeof line.time, JSON.stringify(line)).toBe("string");
      expect(typeof line.level, JSON.stringify(line)).toBe("string");
      expect(typeof line.msg, JSON.stringify(line)).toBe("string");
    }
    const signIns = lines.filter((line) => line.event === "sign_in.succeeded" && line.ip === ip);
    expect(signIns.length).toBeGreaterThanOrEqual(3);
    for (const line of signIns) {
      expect(line).toMatchObject({ level: "info", outcome: "success", userId: expect.any(String), method: expect.any(String) });
      expect(line.reqId).toEqual(expect.any(String));
    }
    expect(signIns.map((line) => line.method)).toContain("password+totp");
    expect(lines.some((line) => line.event === "two_factor.enabled" && line.ip === ip && typeof line.reqId === "string")).toBe(true);
  });
});
