import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/** A mail as the sink received it, saved as JSON for any test worker to read. */
export interface ReceivedMail {
  /** The SMTP envelope's recipients. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface MailSink {
  port: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) that accepts every mail, parses it
 * (mailparser) and writes it into `directory`, one file per mail. The app
 * under test delivers to it through SMTP_URL like to any mail server.
 * STARTTLS is off: nodemailer would otherwise upgrade to the sink's
 * self-signed certificate and refuse it.
 */
export async function startMailSink(port: number, directory: string): Promise<MailSink> {
  fs.mkdirSync(directory, { recursive: true });
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: new Date().toISOString(),
          };
          // Written whole, then renamed: a reader never sees half a file.
          const file = path.join(directory, `${Date.now()}-${randomUUID()}.json`);
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(mail));
          fs.renameSync(`${file}.tmp`, file);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
