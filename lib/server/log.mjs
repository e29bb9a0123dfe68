import { format, stripVTControlCharacters } from "node:util";
import pino from "pino";
import { currentRequestId } from "./request-id.mjs";

// Where a secret would sit if someone logged a request, a form or a user by
// mistake. The code logs none of them; this is the second line of defence.
const SECRET_FIELDS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordConfirmation",
  "token",
  "csrfToken",
  "secret",
  "totpSecret",
  "recoveryCodes",
  "apiKey",
  "cookie",
  "authorization",
  "link",
];
const SECRET_HEADERS = ["authorization", "cookie", "set-cookie", "x-api-key"];
export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`]),
];

/**
 * The one log format of the server and the app: a JSON object per line on
 * stdout, `time` (ISO 8601), `level` (its name), `msg`, `pid`, and `reqId`
 * on every line written while a request is handled (lib/server/request-id.mjs).
 * @param {import("./log-levels.d.mts").LogLevel} level
 * @param {import("pino").DestinationStream} [destination] stdout unless given (tests)
 * @returns {import("pino").Logger}
 */
export function createLogger(level, destination) {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    mixin() {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const CONSOLE_LEVELS = { log: "info", info: "info", debug: "debug", warn: "warn", error: "error" };

/**
 * Next.js, Prisma and other libraries write through console: in the server
 * those lines become lines of the same JSON stream (an Error argument as
 * `err`, with its stack), so the output stays one object per line.
 * @param {import("pino").Logger} logger
 */
export function routeConsoleTo(logger) {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    console[method] = (...args) => {
      if (!logger.isLevelEnabled(level)) return;
      const err = args.find((arg) => arg instanceof Error);
      const rest = args.filter((arg) => arg !== err);
      const message = rest.length > 0 ? stripVTControlCharacters(format(...rest)).trim() : (err?.message ?? "");
      logger[level](err ? { err } : {}, message);
    };
  }
}
