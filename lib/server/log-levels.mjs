/** pino's levels, most severe first; `silent` logs nothing. */
export const LOG_LEVELS = /** @type {const} */ (["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * LOG_LEVEL: unset or empty means `info`.
 * @param {string | undefined} value
 * @returns {import("./log-levels.d.mts").LogLevel}
 */
export function parseLogLevel(value) {
  const text = (value ?? "").trim();
  if (text === "") return "info";
  const level = LOG_LEVELS.find((known) => known === text);
  if (!level) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${text}"`);
  return level;
}
