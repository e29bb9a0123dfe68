#!/usr/bin/env node
// `npm start [-- next start's flags]`: the production server.
//
// WEB_CONCURRENCY processes (default 1, `auto`: one per core) serve one port.
// With more than one, Node's cluster module does the sharing: this process
// becomes the primary, which only forks the servers, replaces one that dies
// (retrying with a growing delay a replacement that cannot start) and passes
// signals on; the kernel socket is shared through it, no balancer
// of ours. Each server process runs Next.js through its documented custom
// server API (`next({ dir, hostname, port })`) rather than `next start`, so
// that it owns its HTTP server and can stop gracefully: on SIGTERM or SIGINT
// it stops accepting, answers the requests in flight, runs the shutdown hooks
// of lib/lifecycle/shutdown.mjs (the mail sender finishes the mail it is
// sending meanwhile; the database connections close last) and exits 0, all
// within SHUTDOWN_DEADLINE_MS.
//
// Each server process also decides the client's address before Next.js sees
// the request, and writes it as the only X-Forwarded-For entry: the socket's
// address, or with TRUST_PROXY the one its proxies name
// (lib/server/client-address.mjs). So a client cannot choose the address its
// throttle counters are kept under by sending the header itself.
//
// Everything the processes print is JSON lines on stdout at LOG_LEVEL
// (lib/server/log.mjs), and every request gets an id (X-Request-Id, kept when
// a proxy in front sent a sane one) that its log lines carry and its
// response returns (lib/server/request-id.mjs).
//
// With METRICS_TOKEN set, each server process also times every request by
// its route pattern and answers GET /metrics itself (lib/server/metrics-endpoint.mjs);
// in a cluster the process that receives a scrape asks the primary, which
// collects every server process's metrics over IPC. On SIGTERM a server
// process first answers /api/ready with 503 for SHUTDOWN_READY_DELAY_SECONDS,
// still serving everything else, so a load balancer stops sending it
// requests before it stops accepting them (SIGINT, an interactive stop, skips that).
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import nextEnv from "@next/env";
import { markShuttingDown } from "../lib/lifecycle/readiness.mjs";
import { buildDirectoryName } from "../lib/settings/runtime-settings.mjs";
import { runShutdownHooks } from "../lib/lifecycle/shutdown.mjs";
import { clientAddress, parseTrustProxy } from "../lib/server/client-address.mjs";
import { parseWebConcurrency } from "../lib/server/concurrency.mjs";
import { drainable } from "../lib/server/graceful-close.mjs";
import { serveClusterMetrics, serverMetrics } from "../lib/server/metrics-endpoint.mjs";
import { parseMetricsToken, parseShutdownReadyDelay } from "../lib/server/monitoring-settings.mjs";
import { startServerLog } from "../lib/server/server-log.mjs";
import { withRequestId } from "../lib/server/request-id.mjs";
import { restartBackoff, STABLE_SERVING_MS } from "../lib/server/restart-backoff.mjs";
import { parseStartArgs, START_USAGE } from "../lib/server/start-args.mjs";

const SHUTDOWN_DEADLINE_MS = 10_000;
// A server process gets most of it; the primary keeps a margin to collect them.
const SERVER_DRAIN_MS = 7_000;
const SERVER_CLOSE_MS = 1_500;

function fail(message) {
  console.error(`${message}\n${START_USAGE}`);
  process.exit(2);
}

let options;
let processes;
let proxyTrust;
let log;
let metricsToken;
let readyDelayMs;
try {
  options = parseStartArgs(process.argv.slice(2), process.env);
  // The .env files, as Next.js reads them, so WEB_CONCURRENCY may be set there too.
  nextEnv.loadEnvConfig(path.resolve(options.dir), false, { info: () => {}, error: console.error });
  processes = parseWebConcurrency(process.env.WEB_CONCURRENCY);
  proxyTrust = parseTrustProxy(process.env.TRUST_PROXY);
  log = startServerLog(process.env.LOG_LEVEL);
  metricsToken = parseMetricsToken(process.env.METRICS_TOKEN);
  readyDelayMs = parseShutdownReadyDelay(process.env.SHUTDOWN_READY_DELAY_SECONDS) * 1000;
} catch (error) {
  fail(error.message);
}

if (processes > 1 && cluster.isPrimary) runPrimary(processes);
else await runServer(options);

// ---------------------------------------------------------------- the primary

function runPrimary(count) {
  // The server processes read the resolved number (lib/passwords/password-pool.ts sizes its threads by it).
  process.env.WEB_CONCURRENCY = String(count);
  let stopping = false;
  // Until every first server process has served, a failure to start is a
  // bad configuration or build: forking again would loop, so it is fatal.
  let startedUp = false;
  const listening = new Set();
  const backoff = restartBackoff();
  const timers = { forks: new Set(), stable: new Map() };

  const fork = (replacement) => {
    const worker = cluster.fork();
    worker.once("listening", () => {
      listening.add(worker.id);
      if (listening.size === count) startedUp = true;
      // A replacement that keeps serving proves the failures are over.
      if (replacement) timers.stable.set(worker.id, setTimeout(() => backoff.reset(), STABLE_SERVING_MS).unref());
    });
  };

  // A replacement that cannot start (say, a broken deploy under a running
  // service): the others keep serving while it is retried, ever more slowly.
  const retryLater = (pid, how) => {
    const { delayMs, attempt } = backoff.nextDelay();
    log.error(`replacement server process ${pid} failed to start (${how}); trying again in ${delayMs / 1000} s (attempt ${attempt})`);
    const timer = setTimeout(() => {
      timers.forks.delete(timer);
      if (!stopping) fork(true);
    }, delayMs);
    timers.forks.add(timer);
  };

  cluster.on("exit", (worker, code, signal) => {
    const how = signal ? `signal ${signal}` : `code ${code}`;
    clearTimeout(timers.stable.get(worker.id));
    timers.stable.delete(worker.id);
    if (stopping) return;
    if (listening.delete(worker.id)) {
      log.error(`server process ${worker.process.pid} died (${how}); starting a replacement`);
      fork(true);
    } else if (startedUp) {
      retryLater(worker.process.pid, how);
    } else {
      log.error(`server process ${worker.process.pid} failed to start (${how}); stopping`);
      stop("startup failure", 1);
    }
  });

  const stop = (reason, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    for (const timer of timers.forks) clearTimeout(timer);
    log.info(`${reason}: stopping ${Object.keys(cluster.workers ?? {}).length} server processes`);
    void stopServerProcesses(exitCode);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  if (metricsToken) serveClusterMetrics();
  log.info(`starting ${count} server processes (WEB_CONCURRENCY)`);
  for (let i = 0; i < count; i++) fork(false);
}

/** SIGTERM to every server process; exits once they have, SIGKILL for those still running at the deadline. */
async function stopServerProcesses(exitCode) {
  const workers = Object.values(cluster.workers ?? {});
  const kill = setTimeout(() => {
    log.error(`server processes still running after ${readyDelayMs + SHUTDOWN_DEADLINE_MS} ms: killing them`);
    for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill("SIGKILL");
    process.exit(1);
  }, readyDelayMs + SHUTDOWN_DEADLINE_MS - 500);
  let failed = exitCode !== 0;
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve) => {
          if (worker.isDead()) return resolve();
          // A process stopped by this SIGTERM before it could install its own handler (a
          // replacement still starting) ends by the signal: that is the stop asked for, not a failure.
          worker.once("exit", (code, signal) => {
            if (code !== 0 && signal !== "SIGTERM") failed = true;
            resolve();
          });
          worker.process.kill("SIGTERM");
        }),
    ),
  );
  clearTimeout(kill);
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------- a server process

async function runServer({ dir, port, hostname, keepAliveTimeout }) {
  process.env.NODE_ENV = "production";
  // As `next start` does: the app reads its port from here (e.g. for links when AUTH_URL is unset).
  process.env.PORT = String(port);
  const { default: next } = await import("next");
  const app = next({ dir: path.resolve(dir), hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  // The build's directory, as next.config.ts chooses it (the benchmark build has its own).
  const distDir = path.resolve(dir, buildDirectoryName());
  const monitor = metricsToken ? serverMetrics({ token: metricsToken, distDir }) : null;
  const server = http.createServer(withRequestId((request, response) => {
    if (monitor) {
      monitor.observe(request, response);
      if (monitor.answer(request, response)) return;
    }
    const client = clientAddress(proxyTrust, request.socket.remoteAddress, request.headers["x-forwarded-for"]);
    if (client) request.headers["x-forwarded-for"] = client;
    else delete request.headers["x-forwarded-for"];
    return handle(request, response);
  }));
  if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout;
  const connections = drainable(server);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    markShuttingDown();
    if (signal === "SIGTERM" && readyDelayMs > 0) {
      log.info(`SIGTERM: answering /api/ready with 503 for ${readyDelayMs / 1000} s, then stopping`);
      await new Promise((resolve) => setTimeout(resolve, readyDelayMs));
    }
    const inFlight = connections.inFlight;
    const [{ forced }, workProblems] = await Promise.all([
      connections.drain(SERVER_DRAIN_MS),
      runShutdownHooks("work", SERVER_DRAIN_MS),
    ]);
    await app.close().catch((error) => log.error({ err: error }, "Next.js did not close cleanly"));
    const problems = [...workProblems, ...(await runShutdownHooks("connections", SERVER_CLOSE_MS))];
    for (const problem of problems) log.error(`shutdown: ${problem}`);
    log.info(`${signal}: answered ${inFlight} requests in flight${forced ? ", cut connections still open at the deadline" : ""}; stopped`);
    process.exit(forced || problems.length > 0 ? 1 : 0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await app.prepare();
  server.on("error", (error) => {
    log.fatal(`cannot serve on port ${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    const where = `http://${hostname ?? "localhost"}:${server.address()?.port ?? port}`;
    log.info(cluster.isWorker ? `serving ${where} (one of ${process.env.WEB_CONCURRENCY})` : `serving ${where}`);
  });
}
