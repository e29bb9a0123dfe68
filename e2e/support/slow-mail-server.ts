import { SMTPServer } from "smtp-server";

export interface SlowMailServer {
  /** Recipients of mails whose content has started to arrive. */
  receiving: string[];
  /** Recipients of mails it has accepted. */
  accepted: string[];
  close(): void;
}

/**
 * An SMTP server that takes its time over each mail: it answers the mail's
 * content after `holdMs`, or never (`"forever"`), so a sender delivering to
 * it is caught mid-delivery by whatever the test does next.
 */
export async function startSlowMailServer(port: number, holdMs: number | "forever"): Promise<SlowMailServer> {
  const receiving: string[] = [];
  const accepted: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
      receiving.push(...to);
      stream.resume();
      stream.on("end", () => {
        if (holdMs === "forever") return;
        setTimeout(() => {
          accepted.push(...to);
          callback();
        }, holdMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { receiving, accepted, close: () => server.close(() => undefined) };
}
