import os from "node:os";

/**
 * WEB_CONCURRENCY, the Heroku/Render/Fly convention: how many server
 * processes `npm start` runs. Unset or empty: 1; `auto`: one per core; else a
 * whole number from 1 to 64.
 * @param {string | undefined} value
 * @param {number} [cores]
 * @returns {number}
 */
export function parseWebConcurrency(value, cores = os.availableParallelism()) {
  const text = (value ?? "").trim();
  if (text === "") return 1;
  if (text.toLowerCase() === "auto") return cores;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 64) {
    throw new Error(`WEB_CONCURRENCY must be "auto" or a whole number from 1 to 64, not "${text}"`);
  }
  return Number(text);
}

/**
 * Password-hashing threads for each of `processes` server processes, so that
 * together they cover the machine's cores once rather than once per process
 * (rounded up: an idle core costs sign-ins more than a briefly shared one,
 * and the threads run at a lower priority than pages anyway).
 * @param {number} cores
 * @param {number} processes
 * @returns {number}
 */
export function hashingThreadsPerProcess(cores, processes) {
  return Math.max(1, Math.ceil(cores / Math.max(1, processes)));
}
