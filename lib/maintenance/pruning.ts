import "server-only";
import { log } from "@/lib/log/logger";
import { pruneSessions } from "@/lib/sessions/registry";
import { pruneTokens } from "@/lib/tokens/one-time-token";
import { pruneKnownDevices } from "@/lib/sign-in-alerts/known-devices";

/**
 * Every server process sweeps spent sessions and one-time tokens on a timer,
 * so the tables stay small whether or not anyone signs in (used passkey
 * sign-in nonces, reset links nobody opened). Several processes sweeping the
 * same rows is harmless: a delete of what is already gone deletes nothing.
 */
export const PRUNE_INTERVAL_MS = 10 * 60_000;

export interface Pruner {
  /** One sweep; failures are logged, never thrown (a database outage must not end the process). */
  prune(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

export function startPruning(intervalMs = PRUNE_INTERVAL_MS): Pruner {
  let running: Promise<void> | undefined;
  async function sweep(now: Date): Promise<void> {
    try {
      await pruneSessions(now);
      await pruneTokens(now);
      await pruneKnownDevices(now);
    } catch (error) {
      log.error({ reason: error instanceof Error ? error.message : String(error) }, "Pruning spent sessions and tokens failed");
    }
  }
  function prune(now = new Date()): Promise<void> {
    running ??= sweep(now).finally(() => {
      running = undefined;
    });
    return running;
  }
  const timer = setInterval(() => void prune(), intervalMs);
  // The timer alone never keeps a process alive.
  timer.unref();
  return {
    prune,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
