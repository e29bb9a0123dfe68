// The outbox and its sender against a real database (both kinds when
// TEST_POSTGRES_URL is set) and a real SMTP server (smtp-server, parsed with
// mailparser), through the app's own nodemailer transport.
import net from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { releaseTestDatabase, testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Inbox {
  mails: (ParsedMail & { rcpt: string[] })[];
  close(): Promise<void>;
}

/** `onMail` runs when a mail starts arriving; the mail is accepted once it resolves. */
async function startInbox(port: number, onMail: () => Promise<void> = async () => {}): Promise<Inbox> {
  const mails: Inbox["mails"] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const accepted = onMail();
      Promise.all([simpleParser(stream), accepted]).then(
        ([parsed]) => {
          mails.push(Object.assign(parsed, { rcpt: session.envelope.rcptTo.map((to) => to.address) }));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(testDatabases())("mail outbox on %s", (_name, createDatabase) => {
  let database: TestDatabase;
  let smtpPort: number;
  let inbox: Inbox | undefined;
  let m: {
    db: typeof import("@/lib/db").db;
    outbox: typeof import("@/lib/mail/outbox");
    sender: typeof import("@/lib/mail/sender");
    catalog: typeof import("@/lib/startup/mail-catalog").mailCatalog;
    transport: typeof import("@/lib/mail/transport");
  };

  beforeAll(async () => {
    database = await createDatabase();
    smtpPort = await freePort();
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtpPort}`);
    vi.stubEnv("AUTH_URL", "https://auth.example.com/some/path");
    useTestDatabase(database);
    m = {
      db: (await import("@/lib/db")).db,
      outbox: await import("@/lib/mail/outbox"),
      sender: await import("@/lib/mail/sender"),
      catalog: (await import("@/lib/startup/mail-catalog")).mailCatalog,
      transport: await import("@/lib/mail/transport"),
    };
  }, 60_000);

  afterEach(async () => {
    await inbox?.close();
    inbox = undefined;
    await m.db.outboxMail.deleteMany();
  });

  afterAll(async () => {
    await m?.db.$disconnect();
    await releaseTestDatabase(database);
  });

  const newSender = () => m.sender.createMailSender(m.transport.createMailTransport(), m.catalog);
  const row = (to: string) => m.db.outboxMail.findFirstOrThrow({ where: { to } });

  it("delivers a queued mail over SMTP with a text and an HTML part", async () => {
    inbox = await startInbox(smtpPort);
    await m.outbox.enqueueMail("password_changed", "ada@example.com", { name: "Ada" });
    expect(await m.outbox.countUndeliveredMails()).toBe(1);

    expect(await newSender().deliverDueMails()).toBe(1);
    const [mail] = inbox.mails;
    expect(mail?.rcpt).toEqual(["ada@example.com"]);
    expect(mail?.subject).toBe("Your password was changed");
    expect(mail?.from?.value).toEqual([{ name: "Latchkey", address: "no-reply@localhost" }]);
    expect(mail?.text).toContain("Hello Ada,");
    expect(mail?.html).toContain("Hello Ada,");
    // Links come from AUTH_URL's origin.
    expect(mail?.text).toContain("https://auth.example.com/forgot-password");
    expect((await row("ada@example.com")).sentAt).toBeInstanceOf(Date);
    expect(await m.outbox.countUndeliveredMails()).toBe(0);
  });

  it("sends each mail exactly once when several senders share the database", async () => {
    inbox = await startInbox(smtpPort);
    const recipients = Array.from({ length: 15 }, (_, index) => `user${index}@example.com`);
    for (const to of recipients) await m.outbox.enqueueMail("password_changed", to, { name: "Someone" });

    const senders = [newSender(), newSender(), newSender()];
    const sent = await Promise.all(senders.map((sender) => sender.deliverDueMails()));
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(recipients.length);
    expect(inbox.mails.flatMap((mail) => mail.rcpt).sort()).toEqual([...recipients].sort());
    // Fifteen real SMTP deliveries and their outbox writes: seconds on a busy machine, not Vitest's default 5.
  }, 30_000);

  it("keeps a mail the server could not take, retries it, and delivers it when the server is back", async () => {
    await m.outbox.enqueueMail("password_changed", "bob@example.com", { name: "Bob" });
    const sender = newSender();
    expect(await sender.deliverDueMails()).toBe(0);

    const failed = await row("bob@example.com");
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, closedAt: null, claimedUntil: null });
    expect(failed.outcome).toContain("ECONNREFUSED");
    const waitMs = failed.nextAttemptAt.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(3_000);
    expect(waitMs).toBeLessThanOrEqual(10_000);
    // Not due yet: a second pass leaves it alone.
    expect(await sender.deliverDueMails()).toBe(0);
    expect((await row("bob@example.com")).attempts).toBe(1);

    inbox = await startInbox(smtpPort);
    await m.db.outboxMail.updateMany({ data: { nextAttemptAt: new Date() } });
    expect(await sender.deliverDueMails()).toBe(1);
    expect(inbox.mails[0]?.subject).toBe("Your password was changed");
    expect(await row("bob@example.com")).toMatchObject({ attempts: 2, outcome: null });
  });

  it("gives up on a mail that has failed for a day", async () => {
    const dayAgo = new Date(Date.now() - 24 * 60 * 60_000 - 1_000);
    await m.db.outboxMail.create({
      data: { template: "password_changed", to: "carol@example.com", params: '{"name":"Carol"}', createdAt: dayAgo, attempts: 40 },
    });
    await newSender().deliverDueMails();
    const closed = await row("carol@example.com");
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.outcome).toMatch(/^gave up: .*ECONNREFUSED/);
    expect(await m.outbox.countUndeliveredMails()).toBe(0);
  });

  it("closes a reset mail for an address with no account without sending anything", async () => {
    inbox = await startInbox(smtpPort);
    await m.outbox.enqueueMail("password_reset", "nobody@example.com", {});
    expect(await newSender().deliverDueMails()).toBe(0);
    expect(await row("nobody@example.com")).toMatchObject({ outcome: "nothing to send", sentAt: null });
    expect(inbox.mails).toEqual([]);
  });

  it("sends only to a stored, canonical address: the SMTP recipient is exactly it", async () => {
    inbox = await startInbox(smtpPort);
    // Never queued by the app (every stored address went through emailField); queued here directly.
    const deceptive = ['"a@evil.test"@victim.test', "victim@victim.test <a@evil.test>", "a@evil.test,victim@victim.test", "Victim@Victim.test"];
    for (const to of deceptive) await m.outbox.enqueueMail("password_changed", to, { name: "Val" });
    await m.outbox.enqueueMail("password_changed", "victim@victim.test", { name: "Val" });
    const logged = vi.spyOn((await import("@/lib/log/logger")).log, "error").mockImplementation(() => {});
    expect(await newSender().deliverDueMails()).toBe(1);
    logged.mockRestore();
    expect(inbox.mails.map((mail) => mail.rcpt)).toEqual([["victim@victim.test"]]);
    for (const to of deceptive) expect(await row(to)).toMatchObject({ outcome: "nothing to send", sentAt: null });
  });

  it("leaves a mail claimed by another process alone until the claim lapses", async () => {
    inbox = await startInbox(smtpPort);
    await m.outbox.enqueueMail("password_changed", "dan@example.com", { name: "Dan" });
    await m.db.outboxMail.updateMany({ data: { claimedUntil: new Date(Date.now() + 60_000) } });
    expect(await newSender().deliverDueMails()).toBe(0);
    // The process that held it died: once its claim lapses, the mail goes out.
    await m.db.outboxMail.updateMany({ data: { claimedUntil: new Date(Date.now() - 1) } });
    expect(await newSender().deliverDueMails()).toBe(1);
  });

  it("stop() lets the mail being sent finish, and sends no other", async () => {
    let arrived: () => void = () => {};
    const firstMailArrives = new Promise<void>((resolve) => (arrived = resolve));
    // A slow mail server: each mail is accepted half a second after it arrives.
    inbox = await startInbox(smtpPort, async () => {
      arrived();
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    for (const to of ["e1@example.com", "e2@example.com", "e3@example.com"]) {
      await m.outbox.enqueueMail("password_changed", to, { name: "E" });
    }
    const sender = newSender();
    const pass = sender.deliverDueMails();
    await firstMailArrives;
    await sender.stop();

    expect(await pass).toBe(1);
    expect(inbox.mails).toHaveLength(1);
    expect(await m.db.outboxMail.count({ where: { sentAt: { not: null } } })).toBe(1);
    expect(await m.outbox.countUndeliveredMails()).toBe(2);
  });
});
