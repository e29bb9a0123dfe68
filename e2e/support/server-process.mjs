// The one starter of app servers outside Playwright's own webServer: e2e
// specs (through e2e/support/servers.ts), scripts/bench/ and any script that
// needs the production build serving. It runs `npm start`'s entry
// (scripts/start.mjs, with its heap cap, graceful on SIGTERM) on a port,
// waits until the server is ready, keeps what it printed, and stops it by PID.
//
// Plain JavaScript (types in server-process.d.mts) so the bench runs it with
// Node as it is; in e2e/support/ with the rest of the test and bench support
// (the bench already takes the suite's browser from chromium.json here). No
// import.meta: Playwright's transform of the specs' imports cannot take it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const HEAP_CAP = "--max-old-space-size=192";

/** What every server started for tests or the bench runs with unless told otherwise: stopped at once on SIGTERM, no telemetry. */
export const TEST_SERVER_DEFAULTS = { SHUTDOWN_READY_DELAY_SECONDS: "0", NEXT_TELEMETRY_DISABLED: "1" };
const POLL_MS = 250;

/**
 * @typedef {import("./server-process.d.mts").StartOptions} StartOptions
 * @typedef {import("./server-process.d.mts").ServerProcess} ServerProcess
 */

/**
 * Starts scripts/start.mjs on 127.0.0.1:`port` with process.env,
 * TEST_SERVER_DEFAULTS, then `options.env`. Resolves once it is
 * ready (see `isReady`); rejects with its output if it exits first or is not
 * ready within `timeoutMs` (then it is killed).
 * @param {number} port
 * @param {StartOptions} [options]
 * @returns {Promise<ServerProcess>}
 */
export async function startServerProcess(port, options = {}) {
  const { cwd = process.cwd(), dir = ".", nodeArgs = [], timeoutMs = 60_000 } = options;
  const env = { ...process.env, ...TEST_SERVER_DEFAULTS, ...options.env };
  const child = spawn(process.execPath, [HEAP_CAP, ...nodeArgs, path.join(cwd, "scripts/start.mjs"), dir, "-H", "127.0.0.1", "-p", String(port)], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = serverProcess(port, child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.running()) throw new Error(`server on ${port} exited (${await server.exited}):\n${server.output()}`);
    if (await isReady(server, env, options)) return server;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await server.stop("SIGKILL");
  throw new Error(`server on ${port} was not ready within ${timeoutMs / 1000} s:\n${server.output()}`);
}

/**
 * Ready when `ready.path` (default /api/ready) answers, with a 2xx unless
 * `ready.accept` is "any" (a server whose database is down answers 503, and
 * a spec may want exactly that one), and every server process has said it is
 * serving (`serving`: by default WEB_CONCURRENCY of its environment; none at
 * LOG_LEVEL=silent, which says nothing).
 * @param {ServerProcess} server
 * @param {NodeJS.ProcessEnv} env
 * @param {StartOptions} options
 */
async function isReady(server, env, { ready = {}, serving }) {
  const expected = serving ?? (env.LOG_LEVEL === "silent" ? 0 : Number(env.WEB_CONCURRENCY || 1));
  if ((server.output().match(/"msg":"serving /g)?.length ?? 0) < expected) return false;
  try {
    // Bounded: a server that accepts but does not answer must not outlast the deadline.
    const answer = await fetch(`http://127.0.0.1:${server.port}${ready.path ?? "/api/ready"}`, { signal: AbortSignal.timeout(10_000) });
    await answer.arrayBuffer();
    return ready.accept === "any" || answer.ok;
  } catch {
    return false; // not listening yet
  }
}

/**
 * @param {number} port
 * @param {import("node:child_process").ChildProcessWithoutNullStreams} child
 * @returns {ServerProcess}
 */
function serverProcess(port, child) {
  let output = "";
  let exitCode = /** @type {number | null | undefined} */ (undefined);
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding("utf8").on("data", (chunk) => (output += chunk));
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve((exitCode = code))));
  const pid = child.pid ?? 0;
  return {
    port,
    pid,
    output: () => output,
    exited,
    running: () => exitCode === undefined,
    children: () => childPids(pid),
    stop: (signal = "SIGTERM") => stopProcess(pid, exited, () => exitCode === undefined, signal),
  };
}

const KILL_AFTER_MS = 15_000;

/**
 * `signal` to the PID (the cluster's primary stops its own server processes),
 * and the exit code; SIGKILL to it and to whatever it forked if it is still
 * running after 15 s, so that no server process outlives a failed stop.
 * @param {number} pid
 * @param {Promise<number | null>} exited
 * @param {() => boolean} running
 * @param {NodeJS.Signals} signal
 */
async function stopProcess(pid, exited, running, signal) {
  if (!running()) return exited;
  const kill = () => {
    for (const each of processTree(pid).reverse()) signalPid(each, "SIGKILL");
  };
  signalPid(pid, signal);
  const timer = setTimeout(() => running() && kill(), KILL_AFTER_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** @param {number} pid */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The PIDs of the processes `pid` forked (a cluster's server processes), from /proc.
 * @param {number} pid
 * @returns {number[]}
 */
export function childPids(pid) {
  const pids = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) pids.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process (or one of its threads) ended meanwhile
  }
  return pids;
}

/**
 * `pid` and all its descendants.
 * @param {number} pid
 */
export function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) pids.push(...childPids(/** @type {number} */ (pids[i])));
  return pids;
}

/**
 * CPU time (user + system) a process has used, in clock ticks (USER_HZ, 100 on Linux); 0 once it is gone.
 * @param {number} pid
 */
export function cpuTicks(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
