import fs from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, randomClientIp } from "../fixtures";
import { BROWSER_KEY_COOKIE, SESSION_COOKIE, captureServerAction, rawGet, replayHeaders, withValue } from "./support";

// Middleware (middleware.ts) is only the optimistic check: every protected
// page checks the session again in Node, next to the data. These requests
// try the known ways around middleware (CVE-2025-29927's
// x-middleware-subrequest, RSC and prefetch requests, data and .rsc routes,
// path spellings the matcher might not see) and must never reach a user's
// private data, whatever status they get.

const SUBREQUEST_VARIANTS = [
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "middleware",
  "src/middleware",
  "pages/_middleware",
];

function buildId(): string {
  try {
    return fs.readFileSync(".next/BUILD_ID", "utf8").trim();
  } catch {
    return "development";
  }
}

/** [label, path, headers] for every bypass attempt. */
function bypassAttempts(): [string, string, Record<string, string>][] {
  const attempts: [string, string, Record<string, string>][] = [];
  for (const path of ["/dashboard", "/profile"]) {
    for (const value of SUBREQUEST_VARIANTS) attempts.push([`x-middleware-subrequest: ${value}`, path, { "x-middleware-subrequest": value }]);
    attempts.push(["RSC: 1", path, { rsc: "1" }]);
    attempts.push(["RSC prefetch", path, { rsc: "1", "next-router-prefetch": "1" }]);
    attempts.push(["segment prefetch", path, { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" }]);
    attempts.push(["segment prefetch of the page", path, { rsc: "1", "next-router-segment-prefetch": "/__PAGE__" }]);
    // Router state trees Next.js accepts: "the browser shows the home page",
    // and "the browser already shows this page's layout" (render only the rest).
    for (const tree of [
      ["", { children: ["__PAGE__", {}] }, null, null],
      ["", { children: [path.slice(1), { children: ["__PAGE__", {}] }] }, null, null],
    ]) {
      attempts.push([`RSC with router state ${JSON.stringify(tree)}`, path, { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(tree)) }]);
    }
  }
  const id = buildId();
  for (const path of [
    "/dashboard.rsc",
    "/dashboard.segments/_tree.segment.rsc",
    "/dashboard?_rsc=abc",
    "/profile?_rsc=abc",
    `/_next/data/${id}/dashboard.json`,
    `/_next/data/${id}/profile.json`,
    "/_next/data/anything/dashboard.json",
    "/DASHBOARD",
    "/Profile",
    "/dashboard/",
    "/profile/",
    "//dashboard",
    "/%64ashboard",
    "/%2564ashboard",
    "/dashboard%2F",
    "/dashboard/.",
    "/api/../dashboard",
    "/_next/static/../../dashboard",
    "/dashboard;.png",
    "/dashboard/x.png/..",
    "/profile.txt",
  ]) {
    attempts.push([path, path, {}]);
    attempts.push([`${path} with RSC: 1`, path, { rsc: "1" }]);
  }
  return attempts;
}

/**
 * Sends every attempt twice: raw, with the path exactly as written and
 * redirects not followed, and through Playwright with redirects followed to
 * wherever they lead. No answer may name the user, nor be a server error.
 */
async function expectNoPrivateData(
  baseURL: string,
  cookie: string | null,
  secrets: string[],
  userAgent?: string,
): Promise<void> {
  const common: Record<string, string> = {
    "x-forwarded-for": randomClientIp(),
    ...(cookie ? { cookie } : {}),
    ...(userAgent ? { "user-agent": userAgent } : {}),
  };
  const followed = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: common });
  for (const [label, path, headers] of bypassAttempts()) {
    const raw = await rawGet(baseURL, path, { ...common, ...headers });
    const where = `${label} (${path}, raw): ${raw.status} ${raw.location}`;
    for (const secret of secrets) expect(raw.body, where).not.toContain(secret);
    expect(raw.status, where).toBeLessThan(500);

    // Absolute, so "//dashboard" stays a path on this server, never a host name.
    const response = await followed.get(`${baseURL}${path}`, { headers, failOnStatusCode: false });
    const body = await response.text();
    const whereFollowed = `${label} (${path}, redirects followed to ${response.url()}): ${response.status()}`;
    for (const secret of secrets) expect(body, whereFollowed).not.toContain(secret);
    expect(response.status(), whereFollowed).toBeLessThan(500);
  }
  await followed.dispose();
}

test.describe("middleware bypass attempts", () => {
  test("signed out, with no cookie or a garbage one, no trick reaches a user's private data", async ({
    baseURL,
    signedInUser,
  }) => {
    test.setTimeout(120_000);
    await expectNoPrivateData(baseURL ?? "", null, [signedInUser.email]);
    await expectNoPrivateData(baseURL ?? "", `${SESSION_COOKIE}=garbage; ${BROWSER_KEY_COOKIE}=garbage`, [signedInUser.email]);
  });

  test("with a real but signed-out session cookie (middleware lets it through), the pages still refuse", async ({
    page,
    context,
    baseURL,
    signedInUser,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/dashboard");
    await expect(page.getByText(signedInUser.email)).toBeVisible();
    const stolen = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    const userAgent = await page.evaluate(() => navigator.userAgent);
    // Control: while the session is live, the same raw request does see the data.
    const live = await rawGet(baseURL ?? "", "/dashboard", { cookie: stolen, "user-agent": userAgent });
    expect(live.status).toBe(200);
    expect(live.body).toContain(signedInUser.email);

    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");

    // The token still decodes, so middleware's optimistic check passes it:
    // exactly the position of a request that got past middleware.
    await expectNoPrivateData(baseURL ?? "", stolen, [signedInUser.email, signedInUser.id], userAgent);
  });

  test("a server action replayed without a session changes nothing", async ({ page, playwright, baseURL, signedInUser }) => {
    await page.goto("/profile");
    await page.getByLabel("Name", { exact: true }).fill("Kept Name");
    const action = await captureServerAction(page, () => page.getByRole("button", { name: "Save name" }).click());
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");

    // Same origin, same action id, same body, but no session cookie.
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const headers of [
      replayHeaders(action, new URL(action.url).origin),
      { ...replayHeaders(action, new URL(action.url).origin), "x-middleware-subrequest": SUBREQUEST_VARIANTS[0] ?? "" },
    ]) {
      const response = await anonymous.post(action.url, {
        headers,
        data: withValue(action.body, "Kept Name", "Changed Without Session"),
        maxRedirects: 0,
      });
      const body = await response.text();
      expect(response.status()).toBeLessThan(500);
      expect(body).not.toContain("Your name has been saved.");
      expect(body).not.toContain(signedInUser.email);
    }
    await anonymous.dispose();

    await page.reload();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Kept Name");
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Kept Name");
  });
});
