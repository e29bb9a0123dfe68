/**
 * METRICS_TOKEN: the Bearer token GET /metrics asks for. Unset or empty: no
 * /metrics at all (404). Else at least 16 characters, no spaces.
 * @param {string | undefined} value
 * @returns {string | null}
 */
export function parseMetricsToken(value) {
  const text = (value ?? "").trim();
  if (text === "") return null;
  if (text.length < 16 || /\s/.test(text)) {
    throw new Error("METRICS_TOKEN must be at least 16 characters without spaces, e.g. from `openssl rand -base64 32`");
  }
  return text;
}

/**
 * SHUTDOWN_READY_DELAY_SECONDS: how long a server process answers /api/ready
 * with 503, still serving everything else, after SIGTERM and before it stops
 * accepting. Unset or empty: 5; else a whole number from 0 to 120.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseShutdownReadyDelay(value) {
  const text = (value ?? "").trim();
  if (text === "") return 5;
  if (!/^\d+$/.test(text) || Number(text) > 120) {
    throw new Error(`SHUTDOWN_READY_DELAY_SECONDS must be a whole number of seconds from 0 to 120, not "${text}"`);
  }
  return Number(text);
}
