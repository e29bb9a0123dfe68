import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { SMTP_PORT } from "./mail-settings";

export interface SlowMailServer {
  /** Recipients of held mails whose content has started to arrive. */
  receiving: string[];
  /** Recipients of held mails it has passed on and accepted. */
  accepted: string[];
  close(): void;
}

/**
 * An SMTP server between a spec's own app server and the suite's mail sink
 * (e2e/support/mail-sink.ts) that takes its time over the mails of
 * `held` recipients: it passes them on and answers after `holdMs`, or never
 * (`"forever"`), so the sender is caught mid-delivery by whatever the test
 * does next. Every other mail is passed on at once: the outbox is shared, so
 * this server's sender also delivers other specs' mails, which must arrive.
 */
export async function startSlowMailServer(port: number, holdMs: number | "forever", held: RegExp): Promise<SlowMailServer> {
  const receiving: string[] = [];
  const accepted: string[] = [];
  const sink = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true });
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
      const slow = to.some((address) => held.test(address));
      if (slow) receiving.push(...to);
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (slow && holdMs === "forever") return;
        const passOn = () =>
          sink
            .sendMail({ envelope: { from, to }, raw: Buffer.concat(chunks) })
            .then(() => {
              if (slow) accepted.push(...to);
              callback();
            })
            .catch((error: Error) => callback(error));
        if (slow) setTimeout(passOn, holdMs as number);
        else void passOn();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { receiving, accepted, close: () => server.close(() => sink.close()) };
}
