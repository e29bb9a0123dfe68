// What bcrypt costs on this machine, with the server's own library: one
// comparison, and all cores comparing at once.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { bcryptEngine } from "../../lib/passwords/bcrypt-engine.mjs";
import { root, round } from "./processes.mjs";
import { cost, env } from "./settings.mjs";

/** One bcrypt comparison at the configured cost, with the server's library (median of 3). */
export function compareMs() {
  const hash = bcryptEngine.hashSync("x", cost);
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    bcryptEngine.compareSync("y", hash);
    return performance.now() - start;
  });
  return round(times.sort((a, b) => a - b)[1]);
}

/**
 * What the machine can hash at best: the server's own bcrypt worker
 * (lib/passwords/password-worker.mjs, same library and priority), one per core,
 * all comparing at once, nothing else running. Comparisons per second.
 */
export async function parallelCompareRate() {
  const hash = bcryptEngine.hashSync("x", cost);
  const workerFile = path.join(root, "lib/passwords/password-worker.mjs");
  const workers = Array.from({ length: os.availableParallelism() }, () => new Worker(workerFile, { env }));
  const compare = (worker) =>
    new Promise((resolve) => {
      worker.once("message", resolve);
      worker.postMessage({ id: 1, op: "compare", data: "y", hash });
    });
  const perWorker = 4;
  try {
    await Promise.all(workers.map(compare)); // warm-up
    const start = performance.now();
    await Promise.all(
      workers.map(async (worker) => {
        for (let i = 0; i < perWorker; i++) await compare(worker);
      }),
    );
    return round((workers.length * perWorker) / ((performance.now() - start) / 1000), 2);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
