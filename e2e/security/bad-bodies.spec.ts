import net from "node:net";
import { test, expect } from "../fixtures";
import { captureServerAction, expectNoStackTrace, expectServerHealthy, type CapturedAction } from "./support";
import type { APIRequestContext } from "@playwright/test";

// Malformed request bodies, as a broken client, a fuzzer or an attacker sends
// them, to every page and route: each gets a 4xx and a plain sentence, never
// a 500 (Next.js's own answer to a body it cannot parse) or a stack trace.
// What well-formed fields may contain is bad-input-forms.spec.ts's subject;
// well-formed bodies whose arguments are not the action's, and foreign
// origins, are action-shapes.spec.ts's.

const PAGES = ["/", "/login", "/register", "/dashboard", "/profile", "/admin", "/reauthenticate", "/no-such-page"];
const ROUTES = ["/api/auth/callback/credentials", "/api/auth/signout", "/api/me", "/api/health", "/api/no-such-route", "/session-expired"];
const UNREADABLE = "The form could not be read. Reload the page and try again.";
const NOT_A_FORM = "Forms on this site are sent as multipart/form-data.";
const TOO_LARGE = "The form is too large to send.";
const THREE_MB = Buffer.alloc(3 * 1024 * 1024, "a");

interface BadBody {
  name: string;
  headers: Record<string, string>;
  data: Buffer | string;
}

/** Bodies no browser sends, for pages: each with the status and sentence the page must answer. */
const PAGE_BODIES: [BadBody, number, string][] = [
  [{ name: "multipart that is not multipart", headers: { "content-type": "multipart/form-data; boundary=x" }, data: "garbage" }, 400, UNREADABLE],
  [{ name: "multipart without a boundary", headers: { "content-type": "multipart/form-data" }, data: "garbage" }, 400, UNREADABLE],
  [
    {
      name: "multipart cut off before its closing boundary",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      data: '--b\r\nContent-Disposition: form-data; name="$ACTION_ID_0"\r\n\r\n\r\n--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc',
    },
    400,
    UNREADABLE,
  ],
  [{ name: "JSON", headers: { "content-type": "application/json" }, data: '{"email": "a@example.com"}' }, 415, NOT_A_FORM],
  [{ name: "plain text", headers: { "content-type": "text/plain" }, data: "hello" }, 415, NOT_A_FORM],
  [{ name: "a URL-encoded form", headers: { "content-type": "application/x-www-form-urlencoded" }, data: "email=a%40b.c" }, 415, NOT_A_FORM],
  [{ name: "no content type", headers: {}, data: Buffer.from([0, 1, 2, 255]) }, 415, NOT_A_FORM],
  [{ name: "3 MB of multipart", headers: { "content-type": "multipart/form-data; boundary=x" }, data: THREE_MB }, 413, TOO_LARGE],
];

async function post(request: APIRequestContext, path: string, body: BadBody) {
  const response = await request.post(path, { headers: body.headers, data: body.data, maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

/** A request written byte by byte on a socket: what arrives before the client hangs up, or null. */
function rawExchange(baseURL: string, bytes: string | Buffer, { hangUp }: { hangUp: boolean }): Promise<string | null> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve(received || null) : reject(error)));
    socket.on("close", () => resolve(received || null));
    socket.write(bytes, () => {
      if (hangUp) socket.end();
    });
    socket.setTimeout(15_000, () => socket.destroy());
  });
}

test.describe("malformed bodies posted to pages", () => {
  test("every page answers each kind of broken body with its 4xx and a sentence, signed out and signed in", async ({
    request,
    page,
    signedInUser,
  }) => {
    test.setTimeout(90_000);
    expect(signedInUser.email).toBeTruthy();
    for (const [who, client] of [["signed out", request], ["signed in", page.request]] as const) {
      for (const path of PAGES) {
        for (const [body, status, sentence] of PAGE_BODIES) {
          const label = `${who} POST ${path}: ${body.name}`;
          const answer = await post(client, path, body);
          expect(answer.status, label).toBe(status);
          expect(answer.body, label).toBe(sentence);
        }
      }
    }
    await expectServerHealthy(page);
  });

  test("a React server-action call with a broken body, or an unknown action id, gets a 4xx", async ({ page, request }) => {
    await page.goto("/register");
    const action: CapturedAction = await captureServerAction(page, () =>
      page.getByRole("button", { name: "Create account" }).click(),
    );
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    const actionId = action.headers["next-action"] ?? "";
    expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
    const origin = new URL(action.url).origin;
    const withAction = (headers: Record<string, string>, id = actionId) => ({ ...headers, "next-action": id, origin });

    const broken: [string, Record<string, string>, Buffer | string, number][] = [
      ["multipart that is not multipart", withAction({ "content-type": "multipart/form-data; boundary=x" }), "garbage", 400],
      ["multipart without React's arguments", withAction({ "content-type": action.headers["content-type"] ?? "" }), action.body.toString("utf8").replace(/name="0"/g, 'name="zero"'), 400],
      ["text that is not JSON", withAction({ "content-type": "text/plain;charset=UTF-8" }), "{not json", 400],
      ["no content type, not JSON", withAction({}), Buffer.from([0, 159, 146, 150]), 400],
      // JSON, but no argument list React would decode into plain data.
      ["a JSON object", withAction({ "content-type": "application/json" }), '{"name":"x","email":"a@example.com"}', 400],
      ["a number", withAction({ "content-type": "text/plain;charset=UTF-8" }), "1", 400],
      ["a string", withAction({ "content-type": "text/plain;charset=UTF-8" }), '"abc"', 400],
      ["a reference to a part never sent", withAction({ "content-type": "text/plain;charset=UTF-8" }), '["$1"]', 400],
      // An argument list, but not the form this action takes.
      ["no arguments", withAction({ "content-type": "text/plain;charset=UTF-8" }), "[]", 404],
      ["3 MB", withAction({ "content-type": "text/plain;charset=UTF-8" }), THREE_MB, 413],
    ];
    for (const [name, headers, data, status] of broken) {
      const response = await request.post(action.url, { headers, data, maxRedirects: 0 });
      expect(response.status(), name).toBe(status);
    }

    // An action id the build does not have, by React's call and by a form posted without JavaScript.
    const unknownId = "00".repeat(21);
    const unknownCall = await request.post(action.url, {
      headers: withAction({ "content-type": "text/plain;charset=UTF-8" }, unknownId),
      data: "[]",
      maxRedirects: 0,
    });
    expect(unknownCall.status()).toBeGreaterThanOrEqual(400);
    expect(unknownCall.status()).toBeLessThan(500);
    const unknownForm = await request.post(action.url, {
      headers: { origin },
      multipart: { [`$ACTION_ID_${unknownId}`]: "", name: "x" },
      maxRedirects: 0,
    });
    expect(unknownForm.status()).toBeGreaterThanOrEqual(400);
    expect(unknownForm.status()).toBeLessThan(500);
    expectNoStackTrace(await unknownForm.text(), "unknown action id");

    // The captured, well-formed call still works: the check lets real requests through.
    const replay = await request.post(action.url, {
      headers: { ...withAction({ "content-type": action.headers["content-type"] ?? "" }), accept: action.headers.accept ?? "" },
      data: action.body,
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain("Enter your name.");
  });

  test("a body larger than its limit without a Content-Length, and bodies cut off mid-way, never break the server", async ({
    baseURL,
    page,
  }) => {
    const host = new URL(baseURL ?? "").host;
    // Chunked: no length announced, 3 MB sent; refused once it passes the limit.
    const chunk = Buffer.alloc(256 * 1024, "a");
    const chunked = Buffer.concat([
      Buffer.from(`POST /login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`),
      ...Array.from({ length: 12 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])),
      Buffer.from("0\r\n\r\n"),
    ]);
    const chunkedAnswer = (await rawExchange(baseURL ?? "", chunked, { hangUp: false })) ?? "";
    expect(chunkedAnswer).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunkedAnswer).toContain(TOO_LARGE);

    // Content-Length promises 1,000 bytes, 100 arrive, the client hangs up: nothing to answer (or an
    // answer that did not need the body, like Auth.js's redirect for a missing CSRF token), nothing broken.
    for (const path of ["/login", "/api/auth/callback/credentials"]) {
      const truncated = `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 1000\r\n\r\n${"x".repeat(100)}`;
      const answer = await rawExchange(baseURL ?? "", truncated, { hangUp: true });
      if (answer !== null) expect(answer, path).toMatch(/^HTTP\/1\.1 [34]\d\d /);
    }
    await expectServerHealthy(page);
  });
});

test.describe("malformed bodies posted to routes", () => {
  test("every route answers broken bodies below 500", async ({ request, page }) => {
    test.setTimeout(60_000);
    for (const path of ROUTES) {
      for (const [body] of PAGE_BODIES) {
        const answer = await post(request, path, body);
        expect(answer.status, `POST ${path}: ${body.name}`).toBeLessThan(500);
        expectNoStackTrace(answer.body, `POST ${path}: ${body.name}`);
      }
    }
    await expectServerHealthy(page);
  });
});
