// Processes for scripts/bench.mjs: the servers it starts and stops by PID,
// and what they cost in memory and CPU time, read from /proc.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);
export const log = (message) => console.error(`[bench] ${message}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of fs.readdirSync(`/proc/${pids[i]}/task`, { throwIfNoEntry: false }) ?? []) {
      const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    }
  }
  return pids;
}

function statusKb(pid, field) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak resident memory of the server's process tree: the sampled sum of
 * VmRSS (the whole cluster), the sum of each process's VmHWM, and the
 * largest process's VmHWM.
 */
export function rssSampler(pid) {
  let peakSumKb = 0;
  const hwm = new Map();
  const sample = () => {
    let sum = 0;
    for (const p of processTree(pid)) {
      sum += statusKb(p, "VmRSS");
      hwm.set(p, Math.max(hwm.get(p) ?? 0, statusKb(p, "VmHWM")));
    }
    peakSumKb = Math.max(peakSumKb, sum);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        peakRssMb: round(peakSumKb / 1024),
        vmHwmMb: round([...hwm.values()].reduce((a, b) => a + b, 0) / 1024),
        largestProcessMb: round(Math.max(0, ...hwm.values()) / 1024),
        processes: hwm.size,
      };
    },
  };
}

/**
 * `npm start`'s entry (scripts/start.mjs) on `port`, with its heap cap, then
 * any extra Node arguments, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof
 * --cpu-prof-dir=/tmp/prof" to profile it. `processes` is its
 * WEB_CONCURRENCY; ready when every process says it is serving.
 */
export async function startServer(port, { env, dir = root, readyPath = "/api/health", processes = 1 }) {
  const nodeArgs = ["--max-old-space-size=192", ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts/start.mjs"), dir, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    // Stopped at once: no readiness delay after SIGTERM (SHUTDOWN_READY_DELAY_SECONDS).
    env: { SHUTDOWN_READY_DELAY_SECONDS: "0", ...env, WEB_CONCURRENCY: String(processes) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      // A server at LOG_LEVEL=silent never says it is serving: its answer has to do.
      const serving = env.LOG_LEVEL === "silent" ? processes : (output.match(/"msg":"serving /g)?.length ?? 0);
      if (response.ok && serving >= processes) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stopServer(child);
  throw new Error(`npm start did not answer within 60 s:\n${output}`);
}

export async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timeout = sleep(10_000).then(() => "timeout");
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

/** CPU time (user + system) the server's process tree has used, in milliseconds. */
export function cpuMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
