// Without SMTP_URL mail is shown, not sent: in full in development (log and
// /dev/outbox), and only as a fact in production, where logs must not carry
// links that sign people in.
import { afterEach, describe, expect, it, vi } from "vitest";

const mail = {
  to: "ada@example.com",
  subject: "Reset your password",
  text: "Set a new password:\nhttps://auth.example.com/reset-password?token=SECRET\n",
  html: "<p>SECRET</p>",
};

async function loadWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return {
    transport: await import("@/lib/mail/transport"),
    outbox: await import("@/lib/mail/dev-outbox"),
    log: (await import("@/lib/log/logger")).log,
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  delete (globalThis as { latchkeyDevOutbox?: unknown }).latchkeyDevOutbox;
});

describe("mail transport without SMTP_URL", () => {
  it("in development, logs the whole mail and keeps it for /dev/outbox", async () => {
    const { transport, outbox, log } = await loadWith({ NODE_ENV: "development", SMTP_URL: "" });
    const info = vi.spyOn(log, "info").mockImplementation(() => {});
    const sender = transport.createMailTransport();
    expect(sender.kind).toBe("log");
    await sender.send(mail);
    expect(JSON.stringify(info.mock.calls)).toContain("token=SECRET");
    expect(outbox.devOutboxMails()).toMatchObject([{ to: "ada@example.com", subject: "Reset your password" }]);
  });

  it("in production, notes only that a mail was not sent: no address, link or token", async () => {
    const { transport, outbox, log } = await loadWith({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), SMTP_URL: "" });
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const info = vi.spyOn(log, "info").mockImplementation(() => {});
    await transport.createMailTransport().send(mail);
    const logged = JSON.stringify([...warn.mock.calls, ...info.mock.calls]);
    expect(logged).toContain("Reset your password");
    expect(logged).not.toContain("SECRET");
    expect(logged).not.toContain("ada@example.com");
    expect(outbox.devOutboxMails()).toEqual([]);
  });

  it("uses SMTP when SMTP_URL is set", async () => {
    const { transport } = await loadWith({ NODE_ENV: "development", SMTP_URL: "smtp://127.0.0.1:1" });
    expect(transport.createMailTransport().kind).toBe("smtp");
  });
});
