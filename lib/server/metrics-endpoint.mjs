import cluster from "node:cluster";
import { createHash, timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { METRICS_CONTENT_TYPE, collectProcessMetrics, metrics, processMetrics } from "./metrics.mjs";
import { loadRouteMatcher, methodLabel, statusClass } from "./route-patterns.mjs";

const REQUEST = "latchkey:clusterMetricsReq";
const RESPONSE = "latchkey:clusterMetricsRes";
const CLUSTER_TIMEOUT_MS = 6_000;

/**
 * Whether a request may read /metrics: "unset" (no METRICS_TOKEN: there is
 * no /metrics), "refused" (no or another Bearer token) or "ok". The tokens
 * are compared as SHA-256 digests, in constant time.
 * @param {string | null} token METRICS_TOKEN
 * @param {string | undefined} authorization the request's Authorization header
 * @returns {"ok" | "unset" | "refused"}
 */
export function scrapeAccess(token, authorization) {
  if (!token) return "unset";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return "refused";
  const digest = (/** @type {string} */ text) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(token)) ? "ok" : "refused";
}

/**
 * In the primary of a cluster: answers a worker's request for the whole
 * cluster's metrics, which prom-client's AggregatorRegistry collects from
 * every worker over IPC (counters summed, database figures taken once).
 */
export function serveClusterMetrics() {
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", (worker, message) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, text }),
      (error) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, error: String(error?.message ?? error) }),
    );
  });
}

let nextId = 0;

/** @returns {Promise<string>} the whole cluster's metrics, asked of the primary */
function askPrimary() {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error("the primary did not answer")), CLUSTER_TIMEOUT_MS);
    const onMessage = (/** @type {any} */ message) => {
      if (message?.type === RESPONSE && message.id === id) finish(message.error ? new Error(message.error) : null, message.text);
    };
    /** @param {Error | null} error @param {string} [text] */
    function finish(error, text) {
      clearTimeout(timer);
      process.off("message", onMessage);
      if (error) reject(error);
      else resolve(text ?? "");
    }
    process.on("message", onMessage);
    process.send?.({ type: REQUEST, id });
  });
}

/**
 * The server side of metrics, for scripts/start.mjs when METRICS_TOKEN is
 * set: `observe` times every request by its route pattern; `answer` serves
 * GET /metrics (this process's metrics, or in a cluster worker the whole
 * cluster's) and returns false for every other request.
 * @param {{ token: string, distDir: string }} options
 */
export function serverMetrics({ token, distDir }) {
  const { httpDuration } = metrics();
  collectProcessMetrics();
  const routeOf = loadRouteMatcher(distDir);
  // A worker answers its primary's requests for its own metrics (prom-client's listener).
  if (cluster.isWorker) new client.AggregatorRegistry();

  return {
    /** @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response */
    observe(request, response) {
      const end = httpDuration.startTimer();
      const pathname = (request.url ?? "/").split("?", 1)[0] ?? "/";
      response.once("finish", () => {
        end({ route: routeOf(pathname), method: methodLabel(request.method), status_class: statusClass(response.statusCode) });
      });
    },

    /** @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response */
    answer(request, response) {
      const pathname = (request.url ?? "/").split("?", 1)[0];
      if (pathname !== "/metrics") return false;
      if (scrapeAccess(token, request.headers.authorization) !== "ok") {
        response.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' });
        response.end("A Bearer token (METRICS_TOKEN) is required.\n");
        return true;
      }
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { allow: "GET, HEAD" });
        response.end();
        return true;
      }
      (cluster.isWorker ? askPrimary() : processMetrics()).then(
        (text) => {
          response.writeHead(200, { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" });
          response.end(request.method === "HEAD" ? undefined : text);
        },
        (error) => {
          response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
          response.end(`metrics unavailable: ${error?.message ?? error}\n`);
        },
      );
      return true;
    },
  };
}
