import http from "node:http";
import { expect, type APIResponse, type Page } from "@playwright/test";

export const SESSION_COOKIE = "authjs.session-token";
export const BROWSER_KEY_COOKIE = "latchkey-browser";
/** The long-lived device cookie of new-sign-in alerts (lib/sign-in-alerts/device-cookie.ts). */
export const DEVICE_COOKIE = "latchkey-device";

/** A server-action POST as the browser sent it, ready to be replayed. */
export interface CapturedAction {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Runs `trigger` (a click on a form's button) and returns the server-action
 * request it caused: URL, headers (Next-Action, the multipart content type,
 * Origin…) and the body, byte for byte.
 */
export async function captureServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.headers()["next-action"] !== undefined),
    trigger(),
  ]);
  return {
    url: request.url(),
    method: request.method(),
    headers: await request.allHeaders(),
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

// What a replay needs to look like the original; the request context adds
// its own cookies, content length and connection headers.
const REPLAYED_HEADERS = ["next-action", "content-type", "accept", "next-router-state-tree", "user-agent"];

/** The captured action's headers, with `origin` as given (`undefined` leaves it out). */
export function replayHeaders(action: CapturedAction, origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = action.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  if (origin !== undefined) headers.origin = origin;
  return headers;
}

/** The captured body with one text value swapped for another (multipart needs no lengths per part). */
export function withValue(body: Buffer, from: string, to: string): Buffer {
  const text = body.toString("utf8");
  expect(text, "the captured body carries the typed value").toContain(from);
  return Buffer.from(text.replace(from, to), "utf8");
}

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case; flags map to "". */
  attributes: Map<string, string>;
}

/** Every Set-Cookie header of a response, parsed. */
export function setCookiesOf(headers: { name: string; value: string }[]): SetCookie[] {
  return headers
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .flatMap((header) => header.value.split("\n"))
    .map((line) => {
      const [pair = "", ...parts] = line.split(";").map((part) => part.trim());
      const equals = pair.indexOf("=");
      const attributes = new Map<string, string>();
      for (const part of parts) {
        const at = part.indexOf("=");
        attributes.set((at < 0 ? part : part.slice(0, at)).toLowerCase(), at < 0 ? "" : part.slice(at + 1));
      }
      return { name: pair.slice(0, equals), value: pair.slice(equals + 1), attributes };
    });
}

/** Signs of a leaked stack trace or framework error page in a response body. */
export function expectNoStackTrace(body: string, label: string): void {
  expect(body, `${label}: no stack frames`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(body, `${label}: no file paths of the server`).not.toContain("/.next/server/");
  expect(body, `${label}: no error class names`).not.toMatch(/\b(TypeError|ReferenceError|PrismaClient\w*Error)\b/);
}

/** The status, location and body of a response, for assertions that name the request. */
export async function describeResponse(response: APIResponse) {
  return { status: response.status(), location: response.headers().location ?? "", body: await response.text() };
}

/** The health check still answers: nothing before this broke the server. */
export async function expectServerHealthy(page: Page): Promise<void> {
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
}

/**
 * A GET with the path sent exactly as written (no dot-segment or slash
 * normalising, which URL parsing in any HTTP client would do), redirects not
 * followed.
 */
export function rawGet(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; location: string; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, method: "GET", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          location: String(response.headers.location ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/**
 * For requests the HTTP server refuses before the app sees them (headers or
 * URL over Node's 16 kB limit): Node answers 431 and closes the connection,
 * sometimes while the client is still sending, which the client sees as a
 * reset. Either way the request was refused; anything else is returned as is.
 */
export async function rawGetRefusal(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
): Promise<number | "connection reset"> {
  try {
    return (await rawGet(baseURL, path, headers)).status;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ECONNRESET" || code === "EPIPE") return "connection reset";
    throw error;
  }
}
