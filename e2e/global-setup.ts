import fs from "node:fs";
import { startMailSink } from "./support/mail-sink";
import { MAIL_DIRECTORY, SMTP_PORT } from "./support/mail-settings";

// The SMTP server the app under test sends its mail to, in the test runner's
// own process (Playwright starts the web server first; the app only connects
// when it has mail to send). Returning the close function makes it the teardown.
export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.rmSync(MAIL_DIRECTORY, { recursive: true, force: true });
  const sink = await startMailSink(SMTP_PORT, MAIL_DIRECTORY);
  return () => sink.close();
}
