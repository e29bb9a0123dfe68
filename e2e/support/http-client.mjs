// The one HTTP client of the e2e support and the bench (types in
// http-client.d.mts): requests on connections of their own, a cookie jar,
// and Auth.js's sign-in over HTTP (its CSRF token, then the credentials
// callback). A sign-in into a browser context goes through Playwright's
// request context instead (e2e/support/credentials.ts), with the same form.
import http from "node:http";

/** The user agent of requests that give none (a session is bound to the one that signed in). */
export const LOAD_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) latchkey-e2e-load/1.0";
export const CSRF_PATH = "/api/auth/csrf";
export const CREDENTIALS_PATH = "/api/auth/callback/credentials";

/**
 * One request on a connection of its own (no keep-alive pool): a failure is
 * this request's, with Node's error code (ECONNRESET, ECONNREFUSED…), never
 * a stale pooled connection's.
 * @param {string} url
 * @param {import("./http-client.d.mts").RequestOptions} [options]
 * @returns {Promise<import("./http-client.d.mts").HttpAnswer>}
 */
export function httpRequest(url, { method = "GET", headers = {}, body, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      /** @type {Buffer[]} */
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.end(body);
  });
}

/** Cookies by name, as a browser keeps them for one site (their attributes aside). */
export class CookieJar {
  /** @type {Map<string, string>} */
  #cookies;
  /** @param {Iterable<[string, string]>} [cookies] */
  constructor(cookies = []) {
    this.#cookies = new Map(cookies);
  }
  /** Takes the answer's Set-Cookie headers: a cookie set empty or with Max-Age=0 is removed. @param {{ headers: http.IncomingHttpHeaders }} answer */
  take(answer) {
    for (const line of answer.headers["set-cookie"] ?? []) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return this;
  }
  /** @param {string} name */
  has(name) {
    return this.#cookies.has(name);
  }
  /** The Cookie header that sends them all. */
  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  copy() {
    return new CookieJar(this.#cookies);
  }
}

/**
 * The credentials form Auth.js's callback takes (as the sign-in page posts it).
 * @param {string} csrfToken
 * @param {import("./http-client.d.mts").Credentials} user
 * @returns {Record<string, string>}
 */
export function credentialsForm(csrfToken, { email, password, remember = false, callbackUrl }) {
  return { csrfToken, email, password, remember: String(remember), ...(callbackUrl ? { callbackUrl } : {}) };
}

/** @param {import("./http-client.d.mts").Client} client */
function clientHeaders({ userAgent = LOAD_USER_AGENT, ip } = {}) {
  return { "user-agent": userAgent, ...(ip ? { "x-forwarded-for": ip } : {}) };
}

/**
 * Auth.js's CSRF token and its cookie: the first half of a sign-in over HTTP.
 * @param {string} baseURL
 * @param {import("./http-client.d.mts").Client} [client]
 */
export async function fetchCsrf(baseURL, client = {}) {
  const answer = await httpRequest(`${baseURL}${CSRF_PATH}`, { headers: clientHeaders(client) });
  const { csrfToken } = /** @type {{ csrfToken: string }} */ (JSON.parse(answer.body));
  return { csrfToken, jar: new CookieJar().take(answer) };
}

/**
 * The second half: the credentials callback. The session's cookies, or how it was refused.
 * @param {string} baseURL
 * @param {{ csrfToken: string, jar: CookieJar }} csrf
 * @param {import("./http-client.d.mts").Credentials} user
 * @param {import("./http-client.d.mts").Client} [client]
 * @returns {Promise<import("./http-client.d.mts").SignInResult>}
 */
export async function postCredentials(baseURL, { csrfToken, jar }, user, client = {}) {
  const answer = await httpRequest(`${baseURL}${CREDENTIALS_PATH}`, {
    method: "POST",
    headers: { ...clientHeaders(client), "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams(credentialsForm(csrfToken, { callbackUrl: "/dashboard", ...user })).toString(),
  });
  const cookies = jar.copy().take(answer);
  const location = String(answer.headers.location ?? "");
  if (answer.status !== 302 || location.includes("error") || !cookies.has("authjs.session-token")) {
    return { ok: false, status: answer.status, location };
  }
  return { ok: true, cookie: cookies.header(), jar: cookies };
}

/**
 * Signs in over HTTP (CSRF token, then the credentials callback), from `client` (its user agent and address).
 * @param {string} baseURL
 * @param {import("./http-client.d.mts").Credentials} user
 * @param {import("./http-client.d.mts").Client} [client]
 */
export async function signInOverRawHttp(baseURL, user, client = {}) {
  return postCredentials(baseURL, await fetchCsrf(baseURL, client), user, client);
}
