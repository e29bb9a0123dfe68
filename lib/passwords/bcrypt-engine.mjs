// Which bcrypt implementation hashes and compares passwords, for the worker
// threads (lib/passwords/password-worker.mjs) and the benchmark that times them.
// Plain JavaScript for the same reason as the worker: it is loaded from disk,
// never bundled.
import { createRequire } from "node:module";
import bcryptjs from "bcryptjs";
import { nativeBcryptAllowed } from "../settings/runtime-settings.mjs";

/**
 * The native `bcrypt` binding where it loads (its npm package ships prebuilt
 * binaries, so it installs offline): the same hashes about a fifth faster
 * than bcryptjs (docs/performance.md). bcryptjs is the fallback, and
 * LATCHKEY_BCRYPT_NATIVE=false forces it.
 */
function loadNative() {
  if (!nativeBcryptAllowed()) return null;
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

export const bcryptEngine = {
  name: native ? "bcrypt" : "bcryptjs",
  hashSync: (data, cost) => (native ?? bcryptjs).hashSync(data, cost),
  compareSync: (data, hash) => (nativeReads(hash) ? native : bcryptjs).compareSync(data, hash),
};
