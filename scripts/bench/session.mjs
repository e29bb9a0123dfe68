// The benchmark user's sign-in over plain HTTP (CSRF token, then the
// credentials form), and the checks that a page answers as it should before
// any load is put on it.
import { email, password, userAgent } from "./settings.mjs";

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

/** The credentials form posted as fast as autocannon can, for the sign-in phases. */
export async function signInLoadFor(base) {
  const { jar, csrfToken } = await csrf(base);
  return {
    url: `${base}/api/auth/callback/credentials`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: signInBody(csrfToken),
    badLocation: "error",
  };
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

export async function signIn(base) {
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

export async function expectPage(url, headers, status, text) {
  const response = await fetch(url, { headers: { "user-agent": userAgent, ...headers }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== status || (text && !body.includes(text))) {
    throw new Error(`${url}: expected ${status}${text ? ` with "${text}"` : ""}, got ${response.status}`);
  }
  return body;
}
