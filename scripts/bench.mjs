#!/usr/bin/env node
// `npm run bench`: the performance targets of docs/performance.md, measured in
// one run against one production server, so every figure is a ratio of two
// numbers taken on the same machine minutes apart.
//
//   1. a benchmark build (LATCHKEY_BENCH=1 next build into .next-bench/, which
//      adds the no-auth twin of /dashboard and a bare middleware redirect),
//      reused while no source file is newer than it;
//   2. `next start` on a free 127.0.0.1 port with a fresh SQLite database
//      under data/, a user made by `npm run user:create`, signed in over HTTP;
//   3. autocannon phases (8 connections, BENCH_DURATION seconds, default 10),
//      the server's RSS sampled throughout;
//   4. one JSON object with every figure, then a one-line summary.
//
// Exits non-zero only when something fails to run; a missed target is
// reported as "fail" in the summary.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import bcrypt from "bcryptjs";

const root = path.resolve(import.meta.dirname, "..");
const duration = Number(process.env.BENCH_DURATION ?? 10);
const onlyDashboard = process.env.BENCH_ONLY === "dashboard";
const connections = 8;
const cost = Number(process.env.BCRYPT_COST ?? 12);
const userAgent = "Mozilla/5.0 (X11; Linux x86_64) latchkey-bench/1.0";
const email = "bench@example.com";
const password = "bench passphrase that is long enough";
const distDir = path.join(root, ".next-bench");
const stamp = Date.now();
const dbFile = path.join("data", `bench-${stamp}.db`);

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  LATCHKEY_BENCH: "1",
  AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
  DATABASE_URL: `file:./${dbFile}`,
  BCRYPT_COST: String(cost),
};
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const log = (message) => console.error(`[bench] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

// ---------------------------------------------------------------- the build

function newestSourceMtime() {
  let newest = 0;
  const visit = (entry) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) if (child !== "generated") visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["app", "components", "lib", "public", "middleware.ts", "next.config.ts", "package-lock.json"]) {
    visit(path.join(root, entry));
  }
  return newest;
}

function ensureBuild() {
  const buildId = path.join(distDir, "BUILD_ID");
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  if (built && built.mtimeMs > newestSourceMtime() && process.env.BENCH_REBUILD !== "1") {
    log("reusing .next-bench/");
    return false;
  }
  log("building (LATCHKEY_BENCH=1 next build → .next-bench/)");
  // next build points next-env.d.ts (and may reformat tsconfig.json) at its
  // output directory: keep the files the shared .next/ build wrote.
  const kept = ["next-env.d.ts", "tsconfig.json"].map((name) => path.join(root, name));
  const saved = kept.map((file) => (fs.existsSync(file) ? fs.readFileSync(file) : null));
  try {
    run(bin("next"), ["build"]);
  } finally {
    kept.forEach((file, i) => saved[i] && fs.writeFileSync(file, saved[i]));
  }
  return true;
}

// ---------------------------------------------------------------- the server

function freePort() {
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

/** Peak resident memory of the server's process tree: sampled sum of VmRSS, and each process's VmHWM. */
function rssSampler(pid) {
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
        processes: hwm.size,
      };
    },
  };
}

async function startServer(port) {
  // The heap cap `npm start` sets (package.json), then any extra arguments,
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = ["--max-old-space-size=192", ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stopServer(child);
  throw new Error(`next start did not answer within 60 s:\n${output}`);
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timeout = sleep(10_000).then(() => "timeout");
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

// ---------------------------------------------------------------- HTTP helpers

class CookieJar {
  #cookies = new Map();
  take(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name) {
    return this.#cookies.has(name);
  }
}

/** A CSRF token and the cookies that go with it, for posting sign-ins. */
async function csrf(base) {
  const jar = new CookieJar();
  const response = await fetch(`${base}/api/auth/csrf`, { headers: { "user-agent": userAgent } });
  jar.take(response);
  const { csrfToken } = await response.json();
  return { jar, csrfToken };
}

function signInBody(csrfToken) {
  return new URLSearchParams({ csrfToken, email, password, remember: "false", callbackUrl: "/dashboard" }).toString();
}

async function signIn(base) {
  const { jar, csrfToken } = await csrf(base);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "user-agent": userAgent, "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: signInBody(csrfToken),
  });
  jar.take(response);
  const location = response.headers.get("location") ?? "";
  if (response.status !== 302 || location.includes("error")) {
    throw new Error(`sign-in failed: ${response.status} ${location}`);
  }
  for (const name of ["authjs.session-token", "latchkey-browser"]) {
    if (!jar.has(name)) throw new Error(`sign-in set no ${name} cookie`);
  }
  return jar.header();
}

async function expectPage(url, headers, status, text) {
  const response = await fetch(url, { headers: { "user-agent": userAgent, ...headers }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== status || (text && !body.includes(text))) {
    throw new Error(`${url}: expected ${status}${text ? ` with "${text}"` : ""}, got ${response.status}`);
  }
  return body;
}

/** First-load JavaScript of a page: every script it references, gzipped. */
async function firstLoadJs(base, pagePath) {
  const html = await expectPage(`${base}${pagePath}`, { "user-agent": userAgent }, 200);
  // Module-capable browsers never fetch `nomodule` scripts (the legacy polyfills).
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1].replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const bytes = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: sources.length, rawKb: round(raw / 1024), gzipKb: round(gzip / 1024) };
}

// ---------------------------------------------------------------- load phases

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

async function cannon(options, expectStatus) {
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
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    timeouts: result.timeouts,
  };
}

/** CPU time (user + system) the server's process tree has used, in milliseconds. */
function cpuMs(pid) {
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

/** A phase, with the server CPU time each request cost: robust to other load on a shared machine. */
async function cannonCpu(pid, options, expectStatus) {
  const before = cpuMs(pid);
  const result = await cannon(options, expectStatus);
  return { ...result, cpuMsPerRequest: round((cpuMs(pid) - before) / result.requests, 2) };
}

/** Two halves of one phase: mean throughput, the worse tail. */
function combine(a, b) {
  return {
    rps: round((a.rps + b.rps) / 2),
    requests: a.requests + b.requests,
    p50Ms: Math.max(a.p50Ms, b.p50Ms),
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    maxMs: Math.max(a.maxMs, b.maxMs),
    timeouts: a.timeouts + b.timeouts,
    cpuMsPerRequest: round((a.cpuMsPerRequest * a.requests + b.cpuMsPerRequest * b.requests) / (a.requests + b.requests), 2),
  };
}

/**
 * autocannon stops sending at the end of a phase, but the server may still be
 * working through queued sign-ins: wait until it answers promptly again.
 */
async function settle(base) {
  const deadline = Date.now() + 20_000;
  await sleep(500);
  while (Date.now() < deadline) {
    const start = performance.now();
    await fetch(`${base}/api/health`);
    if (performance.now() - start < 50) return;
    await sleep(250);
  }
}

/** One bcrypt comparison at the configured cost, as the server does it (median of 3). */
function compareMs() {
  const hash = bcrypt.hashSync("x", cost);
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    bcrypt.compareSync("y", hash);
    return performance.now() - start;
  });
  return round(times.sort((a, b) => a - b)[1]);
}

// ---------------------------------------------------------------- main

async function main() {
  const built = ensureBuild();
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  log(`fresh database ${dbFile}`);
  run(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"]);
  run("npm", ["run", "-s", "user:create", "--", "--email", email, "--password", password, "--name", "Bench User"]);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`next start on ${base}`);
  const removeDatabase = () => {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.join(root, dbFile + suffix), { force: true });
  };
  let server;
  try {
    server = await startServer(port);
  } catch (error) {
    removeDatabase();
    throw error;
  }
  const rss = rssSampler(server.child.pid);
  const figures = {};
  try {
    const cookie = await signIn(base);
    const authed = { cookie };
    await expectPage(`${base}/dashboard`, authed, 200, "bench@example.com");
    await expectPage(`${base}/bench/dashboard`, {}, 200, "bench@example.com");
    await expectPage(`${base}/dashboard`, {}, 307);
    await expectPage(`${base}/bench/redirect`, {}, 307);

    const signInCsrf = await csrf(base);
    const signInLoad = {
      url: `${base}/api/auth/callback/credentials`,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: signInCsrf.jar.header() },
      body: signInBody(signInCsrf.csrfToken),
      badLocation: "error",
    };

    log("warming up");
    const warm = { duration: Math.min(2, duration) };
    await cannon({ ...warm, url: `${base}/bench/dashboard` }, 200);
    await cannon({ ...warm, url: `${base}/dashboard`, headers: authed }, 200);
    await cannon({ ...warm, url: `${base}/dashboard` }, 307);
    await cannon({ ...warm, url: `${base}/bench/redirect` }, 307);
    await cannon({ ...warm, ...signInLoad, connections: 2 }, 302);
    await settle(base);

    log("dashboard: no-auth twin, then authenticated");
    // Alternated in two halves (A B B A), so a load change on a shared machine
    // weighs on both sides of the ratio alike.
    const half = { duration: duration / 2 };
    const noAuth = { ...half, url: `${base}/bench/dashboard` };
    const auth = { ...half, url: `${base}/dashboard`, headers: authed };
    const pid = server.child.pid;
    const runs = [];
    for (const [options, status] of [[noAuth, 200], [auth, 200], [auth, 200], [noAuth, 200]]) {
      runs.push(await cannonCpu(pid, options, status));
    }
    figures.dashboardNoAuth = combine(runs[0], runs[3]);
    figures.dashboardAuthenticated = combine(runs[1], runs[2]);
    // BENCH_ONLY=dashboard: the comparison alone, e.g. while profiling it.
    if (!onlyDashboard) {
      log("redirects: protected page without a session, then a bare middleware redirect");
      figures.redirectProtected = await cannon({ url: `${base}/dashboard` }, 307);
      figures.redirectBare = await cannon({ url: `${base}/bench/redirect` }, 307);

      log("sign-ins");
      figures.compareMs = compareMs();
      figures.signIn = await cannon(signInLoad, 302);
      await settle(base);

      // Pages as a few users browse them (2 connections, 40 req/s), alone and
      // while 8 clients sign in as fast as they can.
      log("authenticated pages idle, then under sign-in load");
      const browsing = { url: `${base}/dashboard`, headers: authed, connections: 2, overallRate: 40 };
      figures.pagesIdle = await cannon(browsing, 200);
      const [pagesLoaded, signInDuring] = await Promise.all([cannon(browsing, 200), cannon(signInLoad, 302)]);
      figures.pagesUnderSignIn = pagesLoaded;
      figures.signInDuringPages = signInDuring;
      await settle(base);

      figures.loginFirstLoadJs = await firstLoadJs(base, "/login");
    }
  } finally {
    figures.memory = rss.stop();
    await stopServer(server.child);
    if (process.env.BENCH_SERVER_LOG) fs.writeFileSync(process.env.BENCH_SERVER_LOG, server.output());
    removeDatabase();
  }

  const dashboardRatios = {
    dashboardAuthVsNoAuth: round(figures.dashboardAuthenticated.rps / figures.dashboardNoAuth.rps, 3),
    // The same comparison in server CPU per request (no-auth ÷ authenticated):
    // what the throughput ratio would be on an otherwise idle machine.
    dashboardAuthVsNoAuthByCpu: round(
      figures.dashboardNoAuth.cpuMsPerRequest / figures.dashboardAuthenticated.cpuMsPerRequest,
      3,
    ),
  };
  if (onlyDashboard) {
    console.log(JSON.stringify({ figures, ratios: dashboardRatios }, null, 2));
    return;
  }
  const cores = os.availableParallelism();
  const ratios = {
    ...dashboardRatios,
    redirectProtectedVsBare: round(figures.redirectProtected.rps / figures.redirectBare.rps, 3),
    signInVsCoresPerCompare: round(figures.signIn.rps / (cores / (figures.compareMs / 1000)), 3),
    pagesP99LoadedVsIdle: round(figures.pagesUnderSignIn.p99Ms / Math.max(figures.pagesIdle.p99Ms, 1), 2),
  };
  const targets = {
    dashboard: ratios.dashboardAuthVsNoAuth >= 0.85,
    redirect: ratios.redirectProtectedVsBare >= 0.95,
    signInThroughput: ratios.signInVsCoresPerCompare >= 0.9,
    p99UnderSignIn: ratios.pagesP99LoadedVsIdle <= 3,
    rss: figures.memory.peakRssMb < 300,
    loginFirstLoadJs: figures.loginFirstLoadJs.gzipKb <= 110,
  };
  const report = {
    machine: { cores, cpu: os.cpus()[0]?.model, node: process.version, memoryGb: round(os.totalmem() / 2 **30) },
    settings: { durationSeconds: duration, connections, bcryptCost: cost, rebuilt: built },
    figures,
    ratios,
    targets: Object.fromEntries(Object.entries(targets).map(([name, ok]) => [name, ok ? "pass" : "fail"])),
  };
  console.log(JSON.stringify(report, null, 2));
  const passed = Object.values(targets).filter(Boolean).length;
  console.log(
    `bench: ${passed}/${Object.keys(targets).length} targets met — ` +
      `dashboard ${ratios.dashboardAuthVsNoAuth} of no-auth (≥0.85; ${ratios.dashboardAuthVsNoAuthByCpu} by CPU/request), ` +
      `redirect ${ratios.redirectProtectedVsBare} of bare (≥0.95), ` +
      `sign-ins ${figures.signIn.rps}/s = ${ratios.signInVsCoresPerCompare} of ${cores} cores/${figures.compareMs} ms (≥0.9), ` +
      `p99 under sign-ins ${ratios.pagesP99LoadedVsIdle}× idle (≤3), ` +
      `peak RSS ${figures.memory.peakRssMb} MB (<300), ` +
      `/login JS ${figures.loginFirstLoadJs.gzipKb} kB gzip (≤110)`,
  );
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
