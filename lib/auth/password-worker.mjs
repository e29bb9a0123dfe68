// A bcrypt worker thread for lib/auth/password-pool.ts. Plain JavaScript,
// loaded from disk by `new Worker(file)`, so it needs no bundler: the
// synchronous APIs may block here, never the thread that serves requests.
import { createRequire } from "node:module";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import bcryptjs from "bcryptjs";

// On Linux a thread's nice value is its own: this lowers the worker thread
// only, so pages being served win the CPU over sign-ins in progress.
try {
  os.setPriority(Number(process.env.LATCHKEY_BCRYPT_NICE ?? 10));
} catch {
  // Not permitted or not supported: run at normal priority.
}

/**
 * The native `bcrypt` binding where it loads (its npm package ships prebuilt
 * binaries, so it installs offline): the same hashes about a fifth faster
 * than bcryptjs (docs/performance.md). bcryptjs is the fallback, and
 * LATCHKEY_BCRYPT_NATIVE=false forces it.
 */
function loadNative() {
  if (process.env.LATCHKEY_BCRYPT_NATIVE === "false") return null;
  try {
    return createRequire(import.meta.url)("bcrypt");
  } catch {
    return null;
  }
}

const native = loadNative();
// The native binding reads $2a$ and $2b$ hashes only (it answers false for
// PHP's $2y$, which bcryptjs verifies).
const nativeReads = (hash) => native !== null && /^\$2[ab]\$/.test(hash);

parentPort.on("message", ({ id, op, data, cost, hash }) => {
  try {
    let result;
    if (op === "hash") result = (native ?? bcryptjs).hashSync(data, cost);
    else result = nativeReads(hash) ? native.compareSync(data, hash) : bcryptjs.compareSync(data, hash);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
