/**
 * Work to finish before the process exits on SIGTERM or SIGINT. Modules
 * register a hook (`onShutdown(async () => …)`); the server entry
 * (scripts/start.mjs) runs them once it has stopped accepting requests and
 * answered the ones in flight.
 *
 * Two stages: "work" hooks (default; e.g. a mail sender finishing the
 * message it is sending) run while the requests in flight are answered, and
 * "connections" hooks (closing database connections) only once both are
 * done, so neither loses its database.
 *
 * The hooks live on `globalThis` under a registered symbol: app code reaches
 * this file through Next.js's bundle and the server entry through Node, and
 * each gets its own copy of the module; both copies share one list.
 */
const HOOKS = Symbol.for("latchkey.shutdownHooks");

/** @returns {{ work: Set<() => unknown>, connections: Set<() => unknown> }} */
function registry() {
  const holder = /** @type {Record<symbol, ReturnType<typeof registry> | undefined>} */ (globalThis);
  return (holder[HOOKS] ??= { work: new Set(), connections: new Set() });
}

/**
 * @param {() => unknown} hook
 * @param {{ stage?: "work" | "connections" }} [options]
 * @returns {() => void} removes the hook again
 */
export function onShutdown(hook, { stage = "work" } = {}) {
  const hooks = registry()[stage];
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/**
 * Runs every hook of one stage once, together. A hook that throws or
 * outlasts `timeoutMs` is reported and never stops the others.
 * @param {"work" | "connections"} stage
 * @param {number} timeoutMs
 * @returns {Promise<string[]>} one line per hook that failed or timed out
 */
export async function runShutdownHooks(stage, timeoutMs) {
  const hooks = [...registry()[stage]];
  registry()[stage].clear();
  const results = await Promise.allSettled(hooks.map((hook) => withTimeout(hook, timeoutMs)));
  return results.flatMap((result) =>
    result.status === "rejected" ? [`${stage}: ${result.reason instanceof Error ? result.reason.message : result.reason}`] : [],
  );
}

/** @param {() => unknown} hook @param {number} ms */
async function withTimeout(hook, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`shutdown hook still running after ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(hook), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
