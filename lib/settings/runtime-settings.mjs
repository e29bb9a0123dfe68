// The settings read outside lib/env.ts, all in this one place: by middleware,
// which runs before and without the zod-checked Node configuration, and by
// the plain .mjs code loaded from disk (the bcrypt worker threads). Each is
// read when asked for, so a test or a restarted worker sees the current value.
// Plain JavaScript, so the worker threads can import it without a bundler.

/** AUTH_URL: the public URL, which says whether requests arrive over HTTPS. */
export function publicUrl() {
  return process.env.AUTH_URL;
}

/** The development server (hot reloading needs eval and a websocket). Inlined at build. */
export function isDevelopment() {
  return process.env.NODE_ENV !== "production";
}

/** The benchmark build's own routes (next.config.ts inlines LATCHKEY_BENCH at build). */
export function benchRoutesOn() {
  return process.env.LATCHKEY_BENCH === "1";
}

/** The build's directory under the project, as next.config.ts's distDir chooses it: the benchmark build has its own. */
export function buildDirectoryName() {
  return benchRoutesOn() ? ".next-bench" : ".next";
}

/** The "Sign in with …" variables (AUTH_GITHUB_ID, AUTH_OIDC_ISSUER…), read by lib/settings/federated-providers.ts. */
export function providerVariables() {
  return process.env;
}

/** WEB_CONCURRENCY as npm start resolved it (scripts/start.mjs): the processes sharing this machine's cores. */
export function webConcurrency() {
  return process.env.WEB_CONCURRENCY;
}

/** The nice value of the bcrypt worker threads (LATCHKEY_BCRYPT_NICE, default 10). */
export function bcryptNice() {
  return Number(process.env.LATCHKEY_BCRYPT_NICE ?? 10);
}

/** Whether the native bcrypt binding may be used (LATCHKEY_BCRYPT_NATIVE=false forces bcryptjs). */
export function nativeBcryptAllowed() {
  return process.env.LATCHKEY_BCRYPT_NATIVE !== "false";
}
