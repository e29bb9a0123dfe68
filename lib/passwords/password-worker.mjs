// A bcrypt worker thread for lib/passwords/password-pool.ts. Plain JavaScript,
// loaded from disk by `new Worker(file)`, so it needs no bundler: the
// synchronous APIs may block here, never the thread that serves requests.
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { bcryptEngine } from "./bcrypt-engine.mjs";
import { bcryptNice } from "../settings/runtime-settings.mjs";

// On Linux a thread's nice value is its own: this lowers the worker thread
// only, so pages being served win the CPU over sign-ins in progress.
try {
  os.setPriority(bcryptNice());
} catch {
  // Not permitted or not supported: run at normal priority.
}

parentPort.on("message", ({ id, op, data, cost, hash }) => {
  try {
    const result = op === "hash" ? bcryptEngine.hashSync(data, cost) : bcryptEngine.compareSync(data, hash);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
