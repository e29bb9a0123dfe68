// What a browser gets from a page, for scripts/bench.mjs: the JavaScript it
// downloads first, the same for a bare Next.js page (the framework's floor),
// and Lighthouse's performance and accessibility scores.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "@playwright/test";
import chromiumSettings from "../../e2e/support/chromium.json" with { type: "json" };
import { bin, freePort, log, root, round, run, startServer } from "./processes.mjs";

/**
 * First-load JavaScript of a page: every script it references, gzipped
 * (level 9). `mustShow`: texts the page must contain, so the figure is of the
 * page as intended (e.g. with its provider buttons).
 */
export async function firstLoadJs(base, pagePath, mustShow = []) {
  const response = await fetch(`${base}${pagePath}`);
  if (response.status !== 200) throw new Error(`${pagePath}: expected 200, got ${response.status}`);
  const html = await response.text();
  // React separates adjacent text parts with empty comments ("Sign in with <!-- -->GitHub").
  const text = html.replaceAll("<!-- -->", "");
  const missing = mustShow.filter((shown) => !text.includes(shown));
  if (missing.length > 0) throw new Error(`${pagePath} does not show ${missing.join(", ")}`);
  // Module-capable browsers never fetch `nomodule` scripts (the legacy polyfills).
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1].replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const bytes = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: sources.length, rawKb: round(raw / 1024), gzipKb: round(gzip / 1024) };
}

const floorDir = path.join(root, ".next-bench-floor");
const FLOOR_APP = {
  "app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.tsx": `import { connection } from "next/server";

export default async function Page() {
  await connection();
  return <p>Rendered at {new Date().toISOString()}</p>;
}
`,
};

/**
 * The JavaScript any App Router page ships, whatever the app does: a one-page
 * app with no client code of its own (a dynamic page in a bare layout), built
 * with the same Next.js and measured like /login. It is written and built in
 * .next-bench-floor/, inside the project so it resolves the same packages.
 */
export async function frameworkFloorJs(env) {
  const buildId = fs.statSync(path.join(floorDir, ".next/BUILD_ID"), { throwIfNoEntry: false });
  const lockFile = fs.statSync(path.join(root, "package-lock.json"));
  if (!buildId || buildId.mtimeMs < lockFile.mtimeMs || process.env.BENCH_REBUILD === "1") {
    log("building the framework's floor (a bare one-page app → .next-bench-floor/)");
    fs.rmSync(floorDir, { recursive: true, force: true });
    for (const [name, text] of Object.entries(FLOOR_APP)) {
      fs.mkdirSync(path.dirname(path.join(floorDir, name)), { recursive: true });
      fs.writeFileSync(path.join(floorDir, name), text);
    }
    run(bin("next"), ["build", floorDir], env);
  }
  const port = await freePort();
  const server = await startServer(port, { env, dir: floorDir, readyPath: "/" });
  try {
    return await firstLoadJs(`http://127.0.0.1:${port}`, "/");
  } finally {
    await server.stop();
  }
}

// The browser and flags of the end-to-end suite (playwright.config.ts).
const CHROME_FLAGS = ["--headless=new", ...chromiumSettings.args];

/**
 * Lighthouse's default run (mobile emulation, simulated slow 4G and a 4× slower
 * CPU) of each page, scores out of 100. A run that fails to trace (Lighthouse's
 * occasional NO_NAVSTART / NO_FCP on a loaded machine) is repeated once.
 */
export async function lighthouseScores(base, pagePaths) {
  const chromePath = fs.existsSync(chromiumSettings.systemPath) ? chromiumSettings.systemPath : chromium.executablePath();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const scores = {};
    for (const pagePath of pagePaths) {
      let report;
      for (let attempt = 1; attempt <= 2; attempt++) {
        const result = await lighthouse(`${base}${pagePath}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
        });
        report = result?.lhr;
        if (report && !report.runtimeError) break;
        log(`lighthouse ${pagePath}: ${report?.runtimeError?.code ?? "no report"}${attempt === 1 ? ", once more" : ""}`);
      }
      scores[pagePath] = {
        performance: Math.round((report?.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((report?.categories.accessibility.score ?? 0) * 100),
        ...(report?.runtimeError ? { error: report.runtimeError.code } : {}),
      };
    }
    return scores;
  } finally {
    await chrome.kill();
  }
}
