import { createLogger, routeConsoleTo } from "./log.mjs";
import { parseLogLevel } from "./log-levels.mjs";

/**
 * The log of a server process (or of the cluster's primary): LOG_LEVEL
 * checked (it throws a readable message), and console output from Next.js
 * and libraries routed into it, so stdout carries nothing but JSON lines.
 * @param {string | undefined} level LOG_LEVEL
 * @returns {import("pino").Logger}
 */
export function startServerLog(level) {
  const logger = createLogger(parseLogLevel(level));
  routeConsoleTo(logger);
  return logger;
}
