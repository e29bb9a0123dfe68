// Processes for scripts/bench.mjs: the servers it starts and stops by PID,
// and what they cost in memory and CPU time, read from /proc.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { cpuTicks, processTree, startServerProcess } from "../../e2e/support/server-process.mjs";

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
 * `npm start`'s entry on `port` through the one starter
 * (e2e/support/server-process.mjs), then any extra Node arguments, e.g.
 * BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile
 * it. `processes` is its WEB_CONCURRENCY; ready when /api/ready (or
 * `readyPath`) answers ok and every process says it is serving.
 */
export function startServer(port, { env, dir = root, readyPath, processes = 1 }) {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return startServerProcess(port, { env: { ...env, WEB_CONCURRENCY: String(processes) }, cwd: root, dir, nodeArgs, ready: { path: readyPath } });
}

/** CPU time (user + system) the server's process tree has used, in milliseconds. */
export function cpuMs(pid) {
  const ticks = processTree(pid).reduce((sum, each) => sum + cpuTicks(each), 0);
  return ticks * 10; // USER_HZ is 100 on Linux
}
