import fs from "node:fs";
import { test, expect } from "../fixtures";
import { captureServerAction, expectNoStackTrace, expectServerHealthy } from "./support";
import type { APIRequestContext, Page } from "@playwright/test";

// Server-action posts that are well-formed HTTP but whose arguments are not
// what the action takes, and action posts from another origin. Next.js
// answered all of these with a 500 and its error page (the action threw on
// `formData.get`, React's decoder threw, or its Origin check did). Now: 404
// for arguments of another shape (lib/actions/argument-guard.ts), 400 for
// arguments React cannot decode into plain data (lib/security/react-reply.ts),
// 403 for a refused origin (lib/security/action-origin.ts).

const REFUSED_ORIGIN = "Forms on this site can only be sent from its own pages.";
const UNREADABLE = "The form could not be read. Reload the page and try again.";

interface BuiltAction {
  id: string;
  name: string;
  /** A page that has the action, to post it to. */
  path: string;
}

/** Every server action of the build the suite runs, as Next.js lists them. */
function builtServerActions(): BuiltAction[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const page = Object.keys(entry.workers).find((worker) => !worker.includes("/_")) ?? "app/page";
    return { id, name: entry.exportedName, path: page.replace(/^app/, "").replace(/\/page$/, "") || "/" };
  });
}

/** Arguments no action takes, as React's fetch-style call encodes them (more shapes for one action below). */
const WRONG_SHAPES = ["[1]", '[{"status":"idle"},"abc"]'];
/** Bodies of valid JSON that React would not decode into plain arguments. */
const UNDECODABLE = ["1", '"abc"', "null", '{"email":"a@example.com"}', '["$Q1"]', '["$1"]', '["$@1"]', '["$nxyz"]', '["$T"]'];

function fetchCall(request: APIRequestContext, path: string, id: string, data: string | FormData, headers: Record<string, string> = {}) {
  const common = { headers: { "next-action": id, accept: "text/x-component", ...headers }, maxRedirects: 0 };
  if (typeof data !== "string") return request.post(path, { ...common, multipart: data });
  return request.post(path, { ...common, data, headers: { ...common.headers, "content-type": "text/plain;charset=UTF-8" } });
}

/** The hidden fields React renders into a form for a browser without JavaScript. */
/** The hidden fields React renders for the no-JavaScript post of the form with this submit button (the page may have others: "Sign in with …"). */
async function noJsFormFields(page: Page, path: string, button = "Create account"): Promise<Record<string, string>> {
  await page.goto(path);
  const fields = await page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: button }) })
    .locator('input[type="hidden"][name^="$ACTION"]')
    .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]));
  return Object.fromEntries(fields);
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

test.describe("server-action arguments that are not the form", () => {
  test("every action of the build answers arguments of another shape with 404 and undecodable ones with 400, and none of them runs", async ({
    page,
    baseURL,
    signedInUser,
  }) => {
    // About 400 requests, a third of which render a page.
    test.setTimeout(240_000);
    const actions = builtServerActions();
    expect(actions.map((action) => action.name)).toEqual(expect.arrayContaining(["signInAction", "signOutAction", "passkeySignInAction"]));
    const origin = new URL(baseURL ?? "").origin;
    for (const action of actions) {
      for (const [data, status] of [...WRONG_SHAPES.map((shape) => [shape, 404] as const), ...UNDECODABLE.map((shape) => [shape, 400] as const)]) {
        const response = await fetchCall(page.request, action.path, action.id, data, { origin });
        const label = `${action.name} on ${action.path} with ${data}`;
        expect(response.status(), label).toBe(status);
        const text = await response.text();
        if (status === 400) expect(text, label).toBe(UNREADABLE);
        expectNoStackTrace(text, label);
      }
      // React's multipart reply: a FormData where the previous state goes, nothing where the form goes.
      const multipart = await fetchCall(page.request, action.path, action.id, formOf({ "0": '[1,"$K1"]', "1_email": "a@example.com" }), { origin });
      expect(multipart.status(), `${action.name}: multipart`).toBe(404);
      // Without JavaScript: the action with forged bound arguments before the form.
      const bound = formOf({ $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: action.id, bound: "$@1" }), "$ACTION_1:1": "[1,2]", email: "a" });
      const noJs = await page.request.post(action.path, { multipart: bound, headers: { origin }, maxRedirects: 0 });
      expect(noJs.status(), `${action.name}: no-JS bound [1,2]`).toBe(404);
      expectNoStackTrace(await noJs.text(), `${action.name}: no-JS`);
    }
    // Sign-out, "sign out all other sessions" and the rest refused before running: still signed in.
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: signedInUser.email, name: signedInUser.name });
    await expectServerHealthy(page);
  });

  test("a useActionState form's captured call with its arguments replaced by other JSON", async ({ page, request }) => {
    await page.goto("/register");
    const action = await captureServerAction(page, () => page.getByRole("button", { name: "Create account" }).click());
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    const captured = await new Response(new Uint8Array(action.body), { headers: { "content-type": action.headers["content-type"] ?? "" } }).formData();
    const fields = Object.fromEntries([...captured].map(([name, value]) => [name, String(value)]));
    const [previous, form] = JSON.parse(fields["0"] ?? "") as [unknown, string];
    expect(previous).toEqual({ status: "idle" });
    expect(form).toMatch(/^\$K\d+$/);
    const origin = new URL(action.url).origin;
    const replace = (extra: Record<string, string>) => fetchCall(request, action.url, action.headers["next-action"] ?? "", formOf({ ...fields, ...extra }), { origin });

    for (const [arguments_, status] of [
      [JSON.stringify([1, form]), 404],
      [JSON.stringify(["abc", form]), 404],
      [JSON.stringify([[], form]), 404],
      [JSON.stringify([previous]), 404],
      [JSON.stringify([previous, "abc"]), 404],
      [JSON.stringify([previous, form, "extra"]), 404],
      [JSON.stringify(form), 400],
      [JSON.stringify(["$1", form]), 400],
      [JSON.stringify([previous, "$Q1"]), 400],
    ] as const) {
      const response = await replace({ "0": arguments_, "1": '{"status":"idle"}' });
      expect(response.status(), arguments_).toBe(status);
      expectNoStackTrace(await response.text(), arguments_);
    }
    const genuine = await replace({});
    expect(genuine.status()).toBe(200);
    expect(await genuine.text()).toContain("Enter your name.");
  });

  test("a form posted without JavaScript: forged bound arguments are refused, the browser's own post works", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const fields = await noJsFormFields(page, "/register");
    // React numbers a page's bound forms in order: this form's prefix, whichever it got.
    const prefix = Object.keys(fields).find((name) => /^\$ACTION_\d+:0$/.test(name))?.slice(0, -2) ?? "$ACTION_1";
    expect(fields[`${prefix}:1`]).toBe('[{"status":"idle"}]');
    const { id } = JSON.parse(fields[`${prefix}:0`] ?? "") as { id: string };
    const origin = new URL(baseURL ?? "").origin;
    const post = (extra: Record<string, string>) =>
      context.request.post("/register", { multipart: formOf({ ...fields, name: "", ...extra }), headers: { origin }, maxRedirects: 0 });

    for (const [bound, status] of [["[1,2]", 404], ['["abc"]', 404], ["[]", 404], ["1", 400], ["{x", 400], ['["$Q2"]', 400]] as const) {
      const response = await post({ [`${prefix}:1`]: bound });
      expect(response.status(), bound).toBe(status);
      expectNoStackTrace(await response.text(), bound);
    }
    // The action named directly, without the previous state React binds to it.
    const direct = await context.request.post("/register", { multipart: formOf({ [`$ACTION_ID_${id}`]: "", name: "" }), headers: { origin }, maxRedirects: 0 });
    expect(direct.status()).toBe(404);

    // What the browser itself sends (its own Origin) passes, and the form answers as usual.
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    await context.close();
  });
});

test.describe("server actions from another origin", () => {
  test("cross-site, Origin: null, a malformed Origin or a forged X-Forwarded-Host get a 403 and a sentence; same-origin and no Origin pass", async ({
    page,
    request,
  }) => {
    await page.goto("/register");
    const action = await captureServerAction(page, () => page.getByRole("button", { name: "Create account" }).click());
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    const own = new URL(action.url);
    const replay = (headers: Record<string, string>) =>
      request.post(action.url, {
        headers: { "next-action": action.headers["next-action"] ?? "", "content-type": action.headers["content-type"] ?? "", ...headers },
        data: action.body,
        maxRedirects: 0,
      });
    const noJsFields = await noJsFormFields(page, "/register");
    const noJs = (headers: Record<string, string>) =>
      request.post("/register", { multipart: formOf({ ...noJsFields, name: "" }), headers, maxRedirects: 0 });

    const refused: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: `http://${own.hostname}:1` },
      { origin: "null" },
      { origin: "not a url" },
      { origin: own.origin, "x-forwarded-host": "evil.example" },
      { origin: "https://evil.example", "x-forwarded-host": own.host },
    ];
    for (const headers of refused) {
      for (const [how, send] of [["fetch-style", replay], ["without JavaScript", noJs]] as const) {
        const response = await send(headers);
        const label = `${how}: ${JSON.stringify(headers)}`;
        expect(response.status(), label).toBe(403);
        expect(await response.text(), label).toBe(REFUSED_ORIGIN);
      }
    }

    // Behind a proxy, X-Forwarded-Host carries the public host that the browser's Origin names.
    const accepted: Record<string, string>[] = [{ origin: own.origin }, {}, { origin: "https://auth.example.com", "x-forwarded-host": "auth.example.com" }];
    for (const headers of accepted) {
      for (const [how, send] of [["fetch-style", replay], ["without JavaScript", noJs]] as const) {
        const response = await send(headers);
        const label = `${how}: ${JSON.stringify(headers)}`;
        expect(response.status(), label).toBe(200);
        expect(await response.text(), label).toContain("Enter your name.");
      }
    }
  });
});
