/**
 * How long the cluster's primary waits before it forks a replacement for a
 * server process that died before it served (a deploy that broke the build
 * or the configuration under a running service): 1 s, doubling with each
 * such death in a row, at most 30 s, so a replacement that cannot start is
 * retried until it can without the primary spinning. A replacement that has
 * served `stableMs` calls `reset()`; the next failure waits 1 s again.
 * @param {{ firstMs?: number, maxMs?: number }} [options]
 */
export function restartBackoff({ firstMs = 1_000, maxMs = 30_000 } = {}) {
  let failuresInARow = 0;
  return {
    /** A replacement died while starting: the delay before the next one, and which attempt that will be. */
    nextDelay() {
      const delayMs = Math.min(maxMs, firstMs * 2 ** Math.min(failuresInARow, 30));
      failuresInARow += 1;
      return { delayMs, attempt: failuresInARow + 1 };
    },
    reset() {
      failuresInARow = 0;
    },
  };
}

/** How long a replacement must serve before its start counts as a success. */
export const STABLE_SERVING_MS = 30_000;
