import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { drainable } from "@/lib/server/graceful-close.mjs";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

/** A server whose /slow answers after `ms`, everything else at once. */
async function serve(ms: number) {
  const server = http.createServer((request, response) => {
    setTimeout(() => response.end(`answered ${request.url}`), request.url === "/slow" ? ms : 0);
  });
  servers.push(server);
  const connections = drainable(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, connections, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string, agent: http.Agent | false = false) {
  return new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
      })
      .on("error", reject);
  });
}

describe("draining an HTTP server", () => {
  it("answers the request in flight, then refuses new connections", async () => {
    const { connections, port } = await serve(300);
    const inFlight = get(port, "/slow");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections.inFlight).toBe(1);
    const drained = connections.drain(5_000);
    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 200, body: "answered /slow", connection: "close" });
    expect(await drained).toEqual({ forced: false });
    await expect(get(port, "/")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("closes idle keep-alive connections at once instead of waiting for their timeout", async () => {
    const { server, connections, port } = await serve(0);
    server.keepAliveTimeout = 60_000;
    const agent = new http.Agent({ keepAlive: true });
    expect((await get(port, "/", agent)).body).toBe("answered /");
    const started = Date.now();
    expect(await connections.drain(5_000)).toEqual({ forced: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    agent.destroy();
  });

  it("cuts what is still open at the deadline", async () => {
    const { connections, port } = await serve(10_000);
    const hanging = get(port, "/slow").catch((error: NodeJS.ErrnoException) => error.code);
    // Wait until the server holds the request (not for a fixed time: a loaded machine is slow to connect).
    await expect.poll(() => connections.inFlight, { timeout: 5_000 }).toBe(1);
    expect(await connections.drain(200)).toEqual({ forced: true });
    expect(await hanging).toBe("ECONNRESET");
  });
});
