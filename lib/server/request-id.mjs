import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// An id a client or a proxy in front chose is kept, so one request can be
// followed through several systems' logs; anything longer or stranger could
// forge log lines or bloat them, and is replaced.
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

// One store per process, kept on globalThis: scripts/start.mjs opens it
// around each request, and the app's logger (bundled by Next.js, a copy of
// this module) must read that same store.
const STORE_KEY = Symbol.for("latchkey.requestContext");
/** @type {AsyncLocalStorage<{ reqId: string }>} */
const requestContext = (globalThis[STORE_KEY] ??= new AsyncLocalStorage());

/**
 * The incoming X-Request-Id when it looks sane, else a new random one.
 * @param {string | string[] | undefined} header
 * @returns {string}
 */
export function requestIdFrom(header) {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * Wraps a Node.js request handler: every request gets its id, which Next.js
 * sees as the X-Request-Id request header, the client gets back as the
 * X-Request-Id response header, and every log line written while the
 * request is handled carries (lib/server/log.mjs).
 * @template {import("node:http").IncomingMessage} Request
 * @template {import("node:http").ServerResponse} Response
 * @param {(request: Request, response: Response) => unknown} handler
 * @returns {(request: Request, response: Response) => unknown}
 */
export function withRequestId(handler) {
  return (request, response) => {
    const reqId = requestIdFrom(request.headers["x-request-id"]);
    request.headers["x-request-id"] = reqId;
    response.setHeader("X-Request-Id", reqId);
    return requestContext.run({ reqId }, () => handler(request, response));
  };
}

/**
 * The id of the request being handled, if any.
 * @returns {string | undefined}
 */
export function currentRequestId() {
  return requestContext.getStore()?.reqId;
}
