// Load phases with autocannon: one phase, one with the server's CPU per
// request, two routes alternated in slices, and the wait for a server to
// settle after a sign-in phase.
import autocannon from "autocannon";
import { cpuMs, round, sleep } from "./processes.mjs";
import { connections, duration, userAgent } from "./settings.mjs";

export async function cannon(options, expectStatus) {
  const statuses = {};
  const locations = { bad: 0 };
  const result = await autocannon({
    connections,
    duration,
    timeout: 30,
    ...options,
    headers: { "user-agent": userAgent, ...options.headers },
    requests: [
      {
        onResponse(status, _body, _context, headers) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          const location = headers?.location ?? headers?.Location;
          if (options.badLocation && typeof location === "string" && location.includes(options.badLocation)) locations.bad++;
        },
      },
    ],
  });
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const unexpected = total - (statuses[expectStatus] ?? 0) + locations.bad;
  // A request that times out, or a phase too short for a slow request to
  // finish, is a measurement (reported), not a failure to run: every endpoint
  // was checked to answer correctly before the load started.
  if (result.errors > result.timeouts || unexpected > 0) {
    throw new Error(`${options.url}: ${result.errors} errors, statuses ${JSON.stringify(statuses)}, bad locations ${locations.bad}`);
  }
  return {
    rps: round(result.requests.average),
    requests: total,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    timeouts: result.timeouts,
  };
}

/** A phase, with the server CPU time each request cost: robust to other load on a shared machine. */
export async function cannonCpu(pid, options, expectStatus) {
  const before = cpuMs(pid);
  const result = await cannon(options, expectStatus);
  const spent = cpuMs(pid) - before;
  return { ...result, cpuMs: spent, cpuMsPerRequest: round(spent / Math.max(result.requests, 1), 2) };
}

/**
 * Two routes compared in one phase of BENCH_DURATION seconds each, in eight
 * slices a side, A B B A four times over: a change in machine load, or a
 * garbage collection, then weighs on both sides of the ratio alike. `pids`:
 * the server of both sides, or one per side.
 */
export async function alternate(pids, [a, statusA], [b, statusB]) {
  const [pidA, pidB] = Array.isArray(pids) ? pids : [pids, pids];
  const slice = duration / 8;
  const runs = { A: [], B: [] };
  for (const side of "ABBAABBAABBAABBA") {
    const [options, status, pid] = side === "A" ? [a, statusA, pidA] : [b, statusB, pidB];
    runs[side].push(await cannonCpu(pid, { ...options, duration: slice }, status));
  }
  return [combine(runs.A), combine(runs.B)];
}

/** Slices of one phase: overall throughput and CPU per request, the worst tail. */
function combine(runs) {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const worst = (field) => Math.max(...runs.map((run) => run[field]));
  return {
    // Short slices make autocannon's per-second average coarse: count instead.
    rps: round(requests / runs.reduce((sum, run) => sum + run.seconds, 0)),
    requests,
    seconds: round(runs.reduce((sum, run) => sum + run.seconds, 0), 2),
    p50Ms: worst("p50Ms"),
    p99Ms: worst("p99Ms"),
    maxMs: worst("maxMs"),
    timeouts: runs.reduce((sum, run) => sum + run.timeouts, 0),
    cpuMsPerRequest: round(runs.reduce((sum, run) => sum + run.cpuMs, 0) / Math.max(requests, 1), 2),
  };
}

/**
 * autocannon stops sending at the end of a phase, but the server may still be
 * working through queued sign-ins: wait until it answers promptly again.
 */
export async function settle(base) {
  const deadline = Date.now() + 20_000;
  await sleep(500);
  while (Date.now() < deadline) {
    const start = performance.now();
    await fetch(`${base}/api/health`);
    if (performance.now() - start < 50) return;
    await sleep(250);
  }
}
