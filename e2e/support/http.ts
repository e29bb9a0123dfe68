import http from "node:http";

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request on a connection of its own (no keep-alive pool): a failure is
 * this request's, with Node's error code (ECONNRESET, ECONNREFUSED…), never
 * a stale pooled connection's.
 */
export function httpRequest(
  url: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(60_000, () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.end(body);
  });
}

/** Cookies from Set-Cookie headers, merged into a jar (name → value). */
export function takeCookies(jar: Map<string, string>, answer: HttpAnswer): void {
  for (const line of answer.headers["set-cookie"] ?? []) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) latchkey-e2e-load/1.0";

/** Auth.js's CSRF token and its cookie: the first half of a sign-in over HTTP. */
export async function fetchCsrf(baseURL: string, ip: string): Promise<{ csrfToken: string; jar: Map<string, string> }> {
  const jar = new Map<string, string>();
  const csrf = await httpRequest(`${baseURL}/api/auth/csrf`, { headers: { "user-agent": USER_AGENT, "x-forwarded-for": ip } });
  takeCookies(jar, csrf);
  return { csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, jar };
}

/** The second half: the credentials callback. The session's cookies, or how it was refused. */
export async function postCredentials(
  baseURL: string,
  { csrfToken, jar }: { csrfToken: string; jar: Map<string, string> },
  email: string,
  password: string,
  ip: string,
): Promise<{ ok: true; cookie: string } | { ok: false; status: number; location: string }> {
  const answer = await httpRequest(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "user-agent": USER_AGENT,
      "x-forwarded-for": ip,
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ csrfToken, email, password, remember: "false", callbackUrl: "/dashboard" }).toString(),
  });
  const cookies = new Map(jar);
  takeCookies(cookies, answer);
  const location = String(answer.headers.location ?? "");
  if (answer.status !== 302 || location.includes("error") || !cookies.has("authjs.session-token")) {
    return { ok: false, status: answer.status, location };
  }
  return { ok: true, cookie: cookieHeader(cookies) };
}

/** Signs in over HTTP (CSRF token, then the credentials callback). */
export async function signInOverRawHttp(baseURL: string, email: string, password: string, ip: string) {
  return postCredentials(baseURL, await fetchCsrf(baseURL, ip), email, password, ip);
}

export const LOAD_USER_AGENT = USER_AGENT;
