// The benchmark user's sign-in over plain HTTP (the one client,
// e2e/support/http-client.mjs: CSRF token, then the credentials form), and
// the checks that a page answers as it should before any load is put on it.
import { credentialsForm, CREDENTIALS_PATH, fetchCsrf, signInOverRawHttp } from "../../e2e/support/http-client.mjs";
import { email, password, userAgent } from "./settings.mjs";

const user = { email, password, callbackUrl: "/dashboard" };

/** The credentials form posted as fast as autocannon can, for the sign-in phases. */
export async function signInLoadFor(base) {
  const { jar, csrfToken } = await fetchCsrf(base, { userAgent });
  return {
    url: `${base}${CREDENTIALS_PATH}`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams(credentialsForm(csrfToken, user)).toString(),
    badLocation: "error",
  };
}

/** The session's Cookie header, with the browser key a signed-in browser holds. */
export async function signIn(base) {
  const result = await signInOverRawHttp(base, user, { userAgent });
  if (!result.ok) throw new Error(`sign-in failed: ${result.status} ${result.location}`);
  if (!result.jar.has("latchkey-browser")) throw new Error("sign-in set no latchkey-browser cookie");
  return result.cookie;
}

export async function expectPage(url, headers, status, text) {
  const response = await fetch(url, { headers: { "user-agent": userAgent, ...headers }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== status || (text && !body.includes(text))) {
    throw new Error(`${url}: expected ${status}${text ? ` with "${text}"` : ""}, got ${response.status}`);
  }
  return body;
}
