// The bcrypt worker thread (lib/passwords/password-worker.mjs) run for real, with
// the native binding and forced onto bcryptjs: either must read the other's
// hashes, so a server can switch engines (or lose the binding) and every
// stored password still verifies.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import bcryptjs from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";

const WORKER_FILE = path.resolve(import.meta.dirname, "password-worker.mjs");
const COST = 4;
const PASSWORDS = ["correct horse battery staple", "päss wörd 🔑 ünïcode", "x".repeat(44)];

function startWorker(native: boolean) {
  const worker = new Worker(WORKER_FILE, { env: { ...process.env, LATCHKEY_BCRYPT_NATIVE: String(native) } });
  let nextId = 1;
  const run = (job: { op: "hash"; data: string; cost: number } | { op: "compare"; data: string; hash: string }) =>
    new Promise<string | boolean>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (reply: { id: number; result?: string | boolean; error?: string }) => {
        if (reply.id !== id) return;
        worker.off("message", onMessage);
        if (reply.error !== undefined || reply.result === undefined) reject(new Error(reply.error));
        else resolve(reply.result);
      };
      worker.on("message", onMessage);
      worker.postMessage({ id, ...job });
    });
  return {
    hash: (data: string) => run({ op: "hash", data, cost: COST }) as Promise<string>,
    compare: (data: string, hash: string) => run({ op: "compare", data, hash }) as Promise<boolean>,
    stop: () => worker.terminate(),
  };
}

const withNative = startWorker(true);
const bcryptjsOnly = startWorker(false);

afterAll(async () => {
  await Promise.all([withNative.stop(), bcryptjsOnly.stop()]);
});

describe("bcrypt worker", () => {
  it("has the native binding installed here, so the fast path is the one tested", () => {
    expect(() => createRequire(import.meta.url)("bcrypt")).not.toThrow();
  });

  it.each(PASSWORDS)("hashes from either engine verify in the other (%s)", async (password) => {
    const nativeHash = await withNative.hash(password);
    const jsHash = await bcryptjsOnly.hash(password);
    expect(nativeHash).toMatch(/^\$2b\$04\$/);
    expect(jsHash).toMatch(/^\$2b\$04\$/);
    expect(await withNative.compare(password, jsHash)).toBe(true);
    expect(await bcryptjsOnly.compare(password, nativeHash)).toBe(true);
    expect(bcryptjs.compareSync(password, nativeHash)).toBe(true);
    expect(await withNative.compare(`${password}!`, jsHash)).toBe(false);
    expect(await bcryptjsOnly.compare(`${password}!`, nativeHash)).toBe(false);
  });

  it("verifies $2a$ and PHP's $2y$ hashes too (the latter through bcryptjs)", async () => {
    const hash = bcryptjs.hashSync("legacy", COST);
    for (const prefix of ["$2a$", "$2y$"]) {
      const legacy = prefix + hash.slice(4);
      expect(await withNative.compare("legacy", legacy)).toBe(true);
      expect(await withNative.compare("wrong", legacy)).toBe(false);
    }
  });

  it("answers false, not an error, for a stored value that is no bcrypt hash", async () => {
    expect(await withNative.compare("anything", "not a hash")).toBe(false);
    expect(await bcryptjsOnly.compare("anything", "not a hash")).toBe(false);
  });
});
