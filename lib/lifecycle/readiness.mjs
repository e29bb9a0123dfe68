/**
 * Whether this process is on its way out: set by scripts/start.mjs on
 * SIGTERM, read by /api/ready (lib/health.ts), which then answers 503 so a
 * load balancer stops sending before the process stops accepting. On
 * globalThis for the same reason as the shutdown hooks: the server entry and
 * the app's bundle each have their own copy of this module.
 */
const KEY = Symbol.for("latchkey.shuttingDown");

export function markShuttingDown() {
  /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[KEY] = true;
}

/** @returns {boolean} */
export function isShuttingDown() {
  return /** @type {Record<symbol, boolean | undefined>} */ (/** @type {unknown} */ (globalThis))[KEY] === true;
}
