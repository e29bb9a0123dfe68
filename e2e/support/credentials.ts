import type { APIRequestContext, APIResponse } from "@playwright/test";
import { credentialsForm, CREDENTIALS_PATH, CSRF_PATH, type Credentials } from "./http-client.mjs";

// Auth.js's sign-in over HTTP in a Playwright request context (for
// `page.request`, the page's browser context): its cookies stay there. The
// same form as the raw client's (e2e/support/http-client.mjs).

/** Auth.js's CSRF token; its cookie lands in the request context. */
export async function csrfTokenOf(request: APIRequestContext, headers?: Record<string, string>): Promise<string> {
  return ((await (await request.get(CSRF_PATH, { headers })).json()) as { csrfToken: string }).csrfToken;
}

/** The CSRF token, then the credentials callback: its answer as it came (not followed), for a spec to judge. */
export async function postCredentialsForm(request: APIRequestContext, user: Credentials, headers?: Record<string, string>): Promise<APIResponse> {
  const csrfToken = await csrfTokenOf(request, headers);
  return request.post(CREDENTIALS_PATH, { form: credentialsForm(csrfToken, user), headers, maxRedirects: 0 });
}
