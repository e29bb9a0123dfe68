import client from "prom-client";

/**
 * Latchkey's Prometheus metrics, in prom-client's global registry. The app
 * (through Next.js's bundle) counts what happens; scripts/start.mjs times
 * every request and answers GET /metrics. prom-client is a server external
 * package (next.config.ts), so both reach the same module; the metrics
 * themselves are also kept on globalThis, so they are made once per process.
 *
 * Under WEB_CONCURRENCY > 1 the primary aggregates the workers' registries
 * (lib/server/metrics-endpoint.mjs): each metric says how (`aggregator`):
 * counts are summed, figures read from the shared database are the same in
 * every worker and are taken once (max).
 */
const KEY = Symbol.for("latchkey.metrics");

/** Figures only the app can read (from the database, the hashing pool); set by lib/startup/metric-samplers.ts. */
const SAMPLERS = Symbol.for("latchkey.metricSamplers");

/** @returns {import("./metrics.d.mts").Samplers} */
function samplers() {
  const holder = /** @type {Record<symbol, import("./metrics.d.mts").Samplers | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[SAMPLERS] ??= {});
}

/** @param {Partial<import("./metrics.d.mts").Samplers>} given */
export function setSamplers(given) {
  Object.assign(samplers(), given);
}

/**
 * A gauge whose value is read at scrape time; a sampler that fails leaves it at its last value.
 * @param {string} name @param {string} help @param {keyof import("./metrics.d.mts").Samplers} sampler
 * @param {"sum" | "max"} aggregator
 */
function sampledGauge(name, help, sampler, aggregator) {
  return new client.Gauge({
    name,
    help,
    aggregator,
    async collect() {
      const read = samplers()[sampler];
      if (!read) return;
      try {
        this.set(await read());
      } catch {
        // The database is away: /api/ready says so; the gauge keeps its last value.
      }
    },
  });
}

function create() {
  return {
    signIns: new client.Counter({
      name: "latchkey_sign_ins_total",
      help: "Sign-in attempts by method (password, password+totp, passkey, basic) and outcome (success, failure, locked, inactive).",
      labelNames: ["method", "outcome"],
    }),
    lockouts: new client.Counter({ name: "latchkey_lockouts_total", help: "Locks started by the sign-in throttle (an account or an address)." }),
    registrations: new client.Counter({ name: "latchkey_registrations_total", help: "Accounts registered." }),
    resetsRequested: new client.Counter({
      name: "latchkey_password_resets_requested_total",
      help: "Password reset links asked for (every well-formed address, account or not; throttled requests not counted).",
    }),
    resetsCompleted: new client.Counter({ name: "latchkey_password_resets_completed_total", help: "Passwords set by a mailed reset link." }),
    secondFactor: new client.Counter({
      name: "latchkey_second_factor_checks_total",
      help: "Second-factor checks by method (totp, recovery_code) and outcome (success, failure, locked).",
      labelNames: ["method", "outcome"],
    }),
    mailsSent: new client.Counter({ name: "latchkey_mails_sent_total", help: "Mails handed to the mail server.", labelNames: ["template"] }),
    mailsFailed: new client.Counter({
      name: "latchkey_mails_failed_total",
      help: "Delivery attempts that failed and will be tried again.",
      labelNames: ["template"],
    }),
    mailsGivenUp: new client.Counter({
      name: "latchkey_mails_given_up_total",
      help: "Mails whose delivery was given up after a day of attempts.",
      labelNames: ["template"],
    }),
    mailBacklog: sampledGauge("latchkey_mail_backlog", "Mails in the outbox waiting to be sent.", "mailBacklog", "max"),
    oldestMailAge: sampledGauge(
      "latchkey_mail_oldest_age_seconds",
      "Age of the oldest mail waiting in the outbox (0 when none waits).",
      "oldestMailAgeSeconds",
      "max",
    ),
    hashingQueue: sampledGauge(
      "latchkey_password_hashing_queue",
      "Password hashes and comparisons waiting for or running in the hashing threads.",
      "hashingQueue",
      "sum",
    ),
    openSessions: sampledGauge("latchkey_open_sessions", "Sessions neither revoked nor expired.", "openSessions", "max"),
    httpDuration: new client.Histogram({
      name: "latchkey_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern (never the raw path), method and status class.",
      labelNames: ["route", "method", "status_class"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
  };
}

/** @returns {import("./metrics.d.mts").LatchkeyMetrics} */
export function metrics() {
  const holder = /** @type {Record<symbol, import("./metrics.d.mts").LatchkeyMetrics | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[KEY] ??= create());
}

/** Node.js's process metrics too (memory, CPU, event loop, GC): only in a server that serves /metrics. */
export function collectProcessMetrics() {
  client.collectDefaultMetrics();
}

/** This process's metrics in the Prometheus text format. */
export function processMetrics() {
  metrics();
  return client.register.metrics();
}

export const METRICS_CONTENT_TYPE = client.register.contentType;
