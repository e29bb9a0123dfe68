import "server-only";
import type { Logger } from "pino";
import { serverEnv } from "@/lib/env";
import { createLogger } from "@/lib/server/log.mjs";

// Next.js may bundle this module into several chunks; one logger per process is enough.
const processLogger = globalThis as unknown as { latchkeyLogger?: Logger };

/**
 * The app's logger: the format of scripts/start.mjs's own lines
 * (lib/server/log.mjs), at LOG_LEVEL. Messages say what happened; facts go
 * in fields. Never pass a password, code, token, link, cookie or key.
 */
export const log: Logger = (processLogger.latchkeyLogger ??= createLogger(serverEnv.logLevel));
