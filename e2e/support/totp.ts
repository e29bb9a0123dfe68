import { Secret, TOTP } from "otpauth";
import { expect, type Page } from "@playwright/test";

const PERIOD_MS = 30_000;

/**
 * The authenticator app of a test: makes codes from the setup key the page
 * showed. The server accepts each time step once, and the step before or
 * after the current one, so `nextCode()` hands out the current step's code,
 * then the next step's, and waits for the clock only when a test needs a
 * third code within one step.
 */
export class TestAuthenticator {
  private readonly totp: TOTP;
  private lastStep = -Infinity;

  constructor(readonly secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  }

  /** The code of a step (default: now), without marking it used. */
  codeAt(timestampMs = Date.now()): string {
    return this.totp.generate({ timestamp: timestampMs });
  }

  /** A code the server has not accepted yet (as far as this test knows). */
  async nextCode(): Promise<string> {
    for (;;) {
      const current = Math.floor(Date.now() / PERIOD_MS);
      const step = Math.max(current, this.lastStep + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * PERIOD_MS });
      }
      await new Promise((resolve) => setTimeout(resolve, (current + 1) * PERIOD_MS - Date.now() + 50));
    }
  }

  /** The code `nextCode()` handed out last. */
  lastCode(): string {
    return this.totp.generate({ timestamp: this.lastStep * PERIOD_MS });
  }

  /** A code that is certainly wrong now: none of the steps the server would accept. */
  wrongCode(): string {
    const now = Date.now();
    const valid = new Set([-1, 0, 1].map((offset) => this.codeAt(now + offset * PERIOD_MS)));
    for (let guess = 100_000; ; guess += 1) if (!valid.has(String(guess))) return String(guess);
  }
}

/** Reads the setup key shown after the words "Setup key" on /profile/two-factor. */
export async function readSetupKey(page: Page): Promise<string> {
  const line = page.getByText(/^Setup key/);
  await expect(line).toBeVisible();
  const text = (await line.innerText()).replace(/^Setup key:?/, "");
  return text.replace(/\s+/g, "");
}

/**
 * Turns two-factor on from /profile/two-factor as a person would (the session
 * must be fresh): scan (read) the key, type a code. Returns the app and the
 * recovery codes shown.
 */
export async function turnOnTwoFactor(page: Page): Promise<{ app: TestAuthenticator; recoveryCodes: string[] }> {
  await page.goto("/profile/two-factor");
  const app = new TestAuthenticator(await readSetupKey(page));
  await page.getByLabel("Authentication code").fill(await app.nextCode());
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByRole("region", { name: "Recovery codes" }).getByRole("listitem");
  await expect(list).toHaveCount(10);
  const recoveryCodes = (await list.allInnerTexts()).map((code) => code.trim());
  return { app, recoveryCodes };
}
