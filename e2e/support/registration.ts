import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { captureServerAction, replayHeaders, type CapturedAction } from "../security/support";
import { httpRequest, LOAD_USER_AGENT } from "./http-client.mjs";

export type RegistrationOutcome = "registered" | "duplicate" | { status: number; body: string };

const DUPLICATE = "An account with this email already exists. Sign in instead.";

/**
 * Registrations over plain HTTP, as many and as fast as a load test needs:
 * the registration form's server-action request is captured once from a
 * real browser (with placeholder values and a mismatched confirmation, so it
 * creates nothing), then replayed with each new user's values to any server
 * running the same build.
 */
export async function captureRegistration(page: Page) {
  const template = {
    name: `Template ${randomUUID().slice(0, 8)}`,
    email: `template-${randomUUID()}@example.test`,
    password: `template-password-${randomUUID()}`,
    confirm: `template-confirm-${randomUUID()}`,
  };
  await page.goto("/register");
  await page.getByLabel("Name").fill(template.name);
  await page.getByLabel("Email").fill(template.email);
  await page.getByLabel("Password", { exact: true }).fill(template.password);
  await page.getByLabel("Confirm password").fill(template.confirm);
  const action: CapturedAction = await captureServerAction(page, () => page.getByRole("button", { name: "Create account" }).click());
  await expect(page.getByLabel("Confirm password")).toHaveAccessibleDescription(/match/i);
  const text = action.body.toString("utf8");
  for (const value of Object.values(template)) expect(text, "the captured body carries the typed value").toContain(value);
  const path = new URL(action.url).pathname;

  return async function register(
    baseURL: string,
    user: { name: string; email: string; password: string },
    ip: string,
  ): Promise<RegistrationOutcome> {
    const body = text
      .replace(template.name, user.name)
      .replace(template.email, user.email)
      .replace(template.password, user.password)
      .replace(template.confirm, user.password);
    const answer = await httpRequest(`${baseURL}${path}`, {
      method: "POST",
      headers: { ...replayHeaders(action, new URL(baseURL).origin), "user-agent": LOAD_USER_AGENT, "x-forwarded-for": ip },
      body,
    });
    const redirect = String(answer.headers["x-action-redirect"] ?? "");
    if (answer.status === 200 && redirect.startsWith("/dashboard")) return "registered";
    if (answer.status === 200 && answer.body.includes(DUPLICATE)) return "duplicate";
    return { status: answer.status, body: answer.body.slice(0, 300) };
  };
}
