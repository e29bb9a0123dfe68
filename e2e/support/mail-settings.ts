import os from "node:os";
import path from "node:path";

import { APP_PORT } from "./suite-deployment.mjs";

/** The port of the app under test (playwright.config.ts, E2E_PORT) and of the SMTP sink it sends to. */
export { APP_PORT };
export const SMTP_PORT = APP_PORT + 1;
/** Where the sink started by e2e/global-setup.ts writes what it receives. */
export const MAIL_DIRECTORY = path.join(os.tmpdir(), `latchkey-e2e-mail-${APP_PORT}`);
