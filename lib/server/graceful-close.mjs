/**
 * Graceful stop for a Node HTTP server. Call `drainable(server)` when the
 * server is created; `drain(deadlineMs)` then stops accepting connections,
 * lets every request in flight get its answer, closes keep-alive connections
 * as soon as they are idle (and tells clients not to reuse them), and cuts
 * whatever is still open at the deadline.
 * @param {import("node:http").Server} server
 */
export function drainable(server) {
  /** @type {Set<import("node:http").ServerResponse>} */
  const inFlight = new Set();
  let draining = false;
  const askToClose = (/** @type {import("node:http").ServerResponse} */ response) => {
    if (!response.headersSent) response.setHeader("connection", "close");
  };
  server.on("request", (_request, response) => {
    if (draining) askToClose(response);
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
  });

  return {
    /** Requests being answered right now. */
    get inFlight() {
      return inFlight.size;
    },
    /**
     * @param {number} deadlineMs
     * @returns {Promise<{ forced: boolean }>} forced: connections were still open at the deadline
     */
    drain(deadlineMs) {
      draining = true;
      inFlight.forEach(askToClose);
      return new Promise((resolve) => {
        let forced = false;
        const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
        const deadline = setTimeout(() => {
          forced = true;
          server.closeAllConnections();
        }, deadlineMs);
        server.close(() => {
          clearInterval(idleSweep);
          clearTimeout(deadline);
          resolve({ forced });
        });
        server.closeIdleConnections();
      });
    },
  };
}
