import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { currentRequestId, requestIdFrom, withRequestId } from "@/lib/server/request-id.mjs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("keeps an id of 1 to 128 letters, digits, dots, dashes and underscores", () => {
    expect(requestIdFrom("abc-123_X.y")).toBe("abc-123_X.y");
    expect(requestIdFrom("a")).toBe("a");
    expect(requestIdFrom("x".repeat(128))).toBe("x".repeat(128));
    expect(requestIdFrom(["first", "second"])).toBe("first");
  });

  it("replaces a missing, empty, overlong or strange one with a random UUID", () => {
    for (const header of [undefined, "", "x".repeat(129), "has space", 'quote"', "line\nbreak", "ünï", "a/b"]) {
      expect(requestIdFrom(header)).toMatch(UUID);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe("withRequestId", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(): Promise<string> {
    server = http.createServer(
      withRequestId(async (request, response) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        response.end(JSON.stringify({ header: request.headers["x-request-id"], context: currentRequestId() }));
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const address = server.address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  it("gives the handler, the work it awaits and the response the same id", async () => {
    const url = await serve();
    const kept = await fetch(url, { headers: { "X-Request-Id": "from-the-proxy.1" } });
    expect(kept.headers.get("x-request-id")).toBe("from-the-proxy.1");
    expect(await kept.json()).toEqual({ header: "from-the-proxy.1", context: "from-the-proxy.1" });

    const replaced = await fetch(url, { headers: { "X-Request-Id": "<script>" } });
    const id = replaced.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    expect(await replaced.json()).toEqual({ header: id, context: id });
  });

  it("has no id outside a request", () => {
    expect(currentRequestId()).toBeUndefined();
  });
});
