import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import bcrypt from "bcryptjs";
import { hashingThreadsPerProcess, parseWebConcurrency } from "@/lib/server/concurrency.mjs";
import { webConcurrency } from "@/lib/settings/runtime-settings.mjs";

/**
 * bcrypt off the request thread. bcryptjs's async API only slices its work
 * into chunks, still on the main thread, so while a few people sign in every
 * page waits behind their hashing. Here each hash and comparison runs in a
 * pool of worker threads, which lets sign-ins use every core and pages keep
 * their latency. With WEB_CONCURRENCY server processes, each gets its share
 * of the cores (lib/server/concurrency.mjs), not a thread per core each.
 *
 * The worker is a plain `.mjs` file read from disk at run time, resolved from
 * the project root (the working directory of `next start`, `next dev`, the
 * scripts and the tests): no bundler has to understand it. Where it is
 * missing, the work runs in this thread with bcryptjs's async API, as before.
 */
const WORKER_FILE = path.join(process.cwd(), "lib", "passwords", "password-worker.mjs");

type Job = { op: "hash"; data: string; cost: number } | { op: "compare"; data: string; hash: string };
type Reply = { id: number; result?: string | boolean; error?: string };

interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: number;
}

class WorkerPool {
  #workers: PoolWorker[] = [];
  #pending = new Map<number, Pending & { owner: PoolWorker }>();
  #nextId = 1;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  /** Jobs handed to the threads and not answered yet. */
  get pending(): number {
    return this.#pending.size;
  }

  run(job: Job): Promise<string | boolean> {
    const owner = this.#pick();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, owner });
      if (owner.busy++ === 0) owner.worker.ref();
      owner.worker.postMessage({ id, ...job });
    });
  }

  /** The least busy worker, starting a new one while the pool is not full. */
  #pick(): PoolWorker {
    const idle = this.#workers.find((w) => w.busy === 0);
    if (idle) return idle;
    if (this.#workers.length < this.size) return this.#spawn();
    return this.#workers.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  #spawn(): PoolWorker {
    const entry: PoolWorker = { worker: new Worker(this.file), busy: 0 };
    // An idle pool must not keep a script or test run alive.
    entry.worker.unref();
    entry.worker.on("message", (reply: Reply) => this.#settle(entry, reply));
    entry.worker.on("error", (error) => this.#fail(entry, error));
    entry.worker.on("exit", (code) => this.#fail(entry, new Error(`bcrypt worker exited with code ${code}`)));
    this.#workers.push(entry);
    return entry;
  }

  #settle(owner: PoolWorker, { id, result, error }: Reply): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (--owner.busy === 0) owner.worker.unref();
    if (error !== undefined || result === undefined) pending.reject(new Error(error ?? "bcrypt worker sent no result"));
    else pending.resolve(result);
  }

  /** A worker that died takes its jobs with it; the next job starts a new one. */
  #fail(owner: PoolWorker, error: Error): void {
    this.#workers = this.#workers.filter((w) => w !== owner);
    for (const [id, pending] of this.#pending) {
      if (pending.owner !== owner) continue;
      this.#pending.delete(id);
      pending.reject(error);
    }
    void owner.worker.terminate();
  }
}

let pool: WorkerPool | null | undefined;

function poolSize(): number {
  return hashingThreadsPerProcess(os.availableParallelism(), parseWebConcurrency(webConcurrency()));
}

function workerPool(): WorkerPool | null {
  if (pool === undefined) {
    pool = fs.existsSync(WORKER_FILE) ? new WorkerPool(WORKER_FILE, poolSize()) : null;
  }
  return pool;
}

/** The hashing pool's queue: hashes and comparisons waiting for or running in its threads (a metric). */
export function hashingQueueLength(): number {
  return pool?.pending ?? 0;
}

/**
 * The two bcrypt operations, on `data` that lib/passwords/password.ts has already
 * pre-hashed. An object so that tests can watch what reaches bcrypt.
 */
export const bcryptWork = {
  async hash(data: string, cost: number): Promise<string> {
    const workers = workerPool();
    if (!workers) return bcrypt.hash(data, cost);
    return (await workers.run({ op: "hash", data, cost })) as string;
  },
  async compare(data: string, hash: string): Promise<boolean> {
    const workers = workerPool();
    if (!workers) return bcrypt.compare(data, hash);
    return (await workers.run({ op: "compare", data, hash })) as boolean;
  },
};
