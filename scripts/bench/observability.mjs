// What logging and metrics cost the dashboard: the bench's one-process server
// runs as configured (LOG_LEVEL as set, default info) with metrics on
// (METRICS_TOKEN set: every request timed into the histogram, /metrics
// served); a twin on the same database runs with LOG_LEVEL=silent and no
// METRICS_TOKEN. The authenticated dashboard is loaded on both, alternated
// (A B B A…), and the ratio is throughput observed ÷ quiet (target ≥ 0.95),
// with the same in server CPU per request.
import crypto from "node:crypto";
import { freePort, round, startServer } from "./processes.mjs";

const token = crypto.randomBytes(24).toString("base64url");

/** The bench server's environment with metrics on. */
export function observedEnv(env) {
  return { ...env, METRICS_TOKEN: token };
}

/** Starts the quiet twin: no log lines, no metrics. */
export async function startQuietTwin(env) {
  const port = await freePort();
  const server = await startServer(port, { env: { ...env, LOG_LEVEL: "silent", METRICS_TOKEN: "" } });
  return { ...server, base: `http://127.0.0.1:${port}` };
}

/** The observed server really serves /metrics (and the twin does not), before any load. */
export async function expectMetrics(base, quietBase) {
  const scrape = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await scrape.text();
  if (scrape.status !== 200 || !text.includes("latchkey_http_request_duration_seconds")) {
    throw new Error(`${base}/metrics: expected 200 with the HTTP histogram, got ${scrape.status}`);
  }
  const quiet = await fetch(`${quietBase}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (quiet.status !== 404) throw new Error(`${quietBase}/metrics: expected 404 without METRICS_TOKEN, got ${quiet.status}`);
}

/**
 * The dashboard phase on both servers. `alternate` and the session cookie
 * come from scripts/bench.mjs; `pids`: [observed, quiet].
 */
export async function compareDashboard(alternate, pids, [base, quietBase], authed) {
  const [observed, quiet] = await alternate(
    pids,
    [{ url: `${base}/dashboard`, headers: authed }, 200],
    [{ url: `${quietBase}/dashboard`, headers: authed }, 200],
  );
  return { dashboardObserved: observed, dashboardQuiet: quiet };
}

export function observabilityRatios(figures) {
  return {
    dashboardObservedVsQuiet: round(figures.dashboardObserved.rps / figures.dashboardQuiet.rps, 3),
    dashboardObservedVsQuietByCpu: round(figures.dashboardQuiet.cpuMsPerRequest / figures.dashboardObserved.cpuMsPerRequest, 3),
  };
}

/** Logging and metrics cost under 5% of dashboard throughput. */
export const observabilityTarget = (ratios) => ratios.dashboardObservedVsQuiet >= 0.95;

export function observabilitySummary(ratios) {
  return `logging+metrics ${ratios.dashboardObservedVsQuiet} of quiet (≥0.95; ${ratios.dashboardObservedVsQuietByCpu} by CPU/request)`;
}
