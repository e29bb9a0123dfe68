import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "../fixtures";
import { httpRequest } from "../support/http-client.mjs";
import { isRunning, specPort, startServer, type SpecServer } from "../support/servers";

// The cluster's primary (scripts/start.mjs, WEB_CONCURRENCY=2) when a
// replacement server process cannot start: a deploy broke the configuration
// under the running service. The server runs from a project directory of
// its own made of links to this one, so the spec can put an .env file there
// that only processes started afterwards read (the running ones loaded their
// configuration at start), as a broken deploy would.

const BROKEN_SETTING = "SESSION_PROTECTION=sometimes\n";
// As written inside a JSON log line, its quotes escaped.
const BROKEN_MESSAGE = /SESSION_PROTECTION must be \\"strong\\", \\"basic\\" or \\"off\\"/;

function linkedProjectCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `latchkey-e2e-restarts-${process.env.E2E_PORT ?? ""}-`));
  for (const entry of [".next", "next.config.ts", "package.json", "node_modules", "public"]) {
    if (fs.existsSync(entry)) fs.symlinkSync(path.resolve(entry), path.join(dir, entry));
  }
  const envFile = path.join(dir, ".env.production.local");
  return {
    dir,
    breakConfiguration: () => fs.writeFileSync(envFile, BROKEN_SETTING),
    repair: () => fs.rmSync(envFile),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

let server: SpecServer | undefined;

/** The delays the primary announced for its retries, in seconds, in order. */
function retryDelays(output: string): number[] {
  return [...output.matchAll(/replacement server process \d+ failed to start \(code 1\); trying again in (\d+) s/g)].map((match) => Number(match[1]));
}

const servingPids = (output: string) => [...output.matchAll(/"pid":(\d+),"msg":"serving /g)].map((match) => Number(match[1]));

async function healthStatus(baseURL: string): Promise<number> {
  return (await httpRequest(`${baseURL}/api/health`)).status;
}

test.describe("a replacement server process that cannot start", () => {
  let project: ReturnType<typeof linkedProjectCopy>;
  test.beforeAll(() => {
    project = linkedProjectCopy();
  });
  test.afterAll(async () => {
    if (server && isRunning(server.pid)) await server.stop();
    project.remove();
  });

  test("is retried with growing delays while the other process keeps answering, and serves once the configuration is repaired", async () => {
    // Each failed start loads Next.js before the configuration check refuses it (seconds each, more
    // on a busy machine), then waits 1, 2, 4 s; then a replacement starts and serves alone.
    test.setTimeout(240_000);
    server = await startServer(specPort(10), { WEB_CONCURRENCY: "2" }, { dir: project.dir });
    const [victim, survivor] = server.children();
    expect(survivor, "two server processes").toBeDefined();

    project.breakConfiguration();
    process.kill(victim as number, "SIGKILL");
    await expect
      .poll(() => retryDelays(server?.output() ?? "").length, { message: "three failed replacements", timeout: 120_000 })
      .toBeGreaterThanOrEqual(3);
    expect(server.output()).toMatch(BROKEN_MESSAGE);
    const delays = retryDelays(server.output());
    expect(delays.slice(0, 3)).toEqual([1, 2, 4]);
    // Meanwhile the service answers, on the process that was never touched.
    for (let i = 0; i < 5; i++) expect(await healthStatus(server.baseURL)).toBe(200);
    expect(isRunning(server.pid)).toBe(true);
    expect(isRunning(survivor as number)).toBe(true);

    project.repair();
    await expect
      .poll(() => servingPids(server?.output() ?? "").length, { message: "a replacement serves", timeout: 90_000 })
      .toBe(3);
    const replacement = servingPids(server.output())[2] as number;
    expect(server.children().sort()).toEqual([survivor, replacement].sort());
    // With the original process gone, the replacement alone answers (its first database
    // connection may take a moment on a busy machine; the next replacement needs far longer to start).
    process.kill(survivor as number, "SIGKILL");
    await expect.poll(() => server?.output().includes(`server process ${survivor} died`)).toBe(true);
    await expect.poll(() => healthStatus(server?.baseURL ?? ""), { timeout: 15_000 }).toBe(200);

    expect(await server.stop(), server.output().slice(-2500)).toBe(0);
  });
});

test.describe("the first start-up", () => {
  test("a configuration no process can start with stops the service with its message and a non-zero exit", async () => {
    test.setTimeout(90_000);
    const start = startServer(specPort(11), { WEB_CONCURRENCY: "2", SESSION_PROTECTION: "sometimes" });
    await expect(start).rejects.toThrow(/exited \(1\)/);
    await expect(start).rejects.toThrow(BROKEN_MESSAGE);
    await expect(start).rejects.toThrow(/failed to start \(code 1\); stopping/);
  });
});
