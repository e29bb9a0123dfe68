import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_BCRYPT_COST } from "./bcrypt-cost";
import { APP_PORT, SMTP_PORT } from "./mail-settings";

// Servers a spec starts itself (several instances, crashes, restarts): the
// production build the suite already made (.next/), started through
// `npm start`'s entry (scripts/start.mjs, with its heap cap) on a port of its
// own next to the suite's, stopped by their PID.

export const E2E_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use-0123456789";

/**
 * A port for a spec's own server: the suite's port plus an offset that spec
 * owns (+1 is the mail sink's, e2e/support/mail-settings.ts).
 */
export function specPort(offset: number): number {
  return APP_PORT + offset;
}

/**
 * What every instance shares with the suite's own server, as instances of
 * one deployment do: the secret, the public URL (mailed links start with it)
 * and the mail server, the test runner's sink. A spec server that sent mail
 * elsewhere would take mails from the shared outbox away from other specs.
 */
const SHARED_ENV = {
  AUTH_SECRET: E2E_SECRET,
  AUTH_URL: `http://localhost:${APP_PORT}`,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
};

export const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");

export interface SpecServer {
  baseURL: string;
  port: number;
  /** The PID of the process started (the cluster's primary when WEB_CONCURRENCY > 1). */
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with its exit code (null when killed by a signal) once it has exited. */
  exited: Promise<number | null>;
  /** The PIDs of the server processes it forked (none with WEB_CONCURRENCY=1). */
  children(): number[];
}

/** `dir`: the project directory to serve (npm start's positional argument), this one by default. */
export async function startServer(port: number, env: Record<string, string> = {}, { dir = "." } = {}): Promise<SpecServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--max-old-space-size=192", "scripts/start.mjs", dir, "-H", "127.0.0.1", "-p", String(port)],
    {
      // No readiness delay on SIGTERM unless the spec asks for one.
      env: { ...process.env, ...SHARED_ENV, NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "true", BCRYPT_COST: E2E_BCRYPT_COST, SHUTDOWN_READY_DELAY_SECONDS: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseURL = `http://127.0.0.1:${port}`;
  const pid = child.pid ?? 0;
  const server: SpecServer = { baseURL, port, pid, output: () => output, exited, children: () => childrenOf(pid) };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited (${child.exitCode}):\n${output}`);
    try {
      // Bounded: a server that accepts but does not answer must not outlast the deadline.
      const response = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(10_000) });
      const processes = Number(env.WEB_CONCURRENCY ?? 1);
      // With several processes, ready when every one of them says it is serving.
      const serving = output.match(/"msg":"serving /g)?.length ?? 0;
      if (response.ok && serving >= processes) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopServer(server);
  throw new Error(`server on ${port} did not become healthy:\n${output}`);
}

/** SIGTERM, and the exit code; SIGKILL if it is still running after 15 s. */
export async function stopServer(server: SpecServer): Promise<number | null> {
  if (!isRunning(server.pid)) return server.exited;
  process.kill(server.pid, "SIGTERM");
  const timer = setTimeout(() => isRunning(server.pid) && process.kill(server.pid, "SIGKILL"), 15_000);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const pids: number[] = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`, { withFileTypes: false }) as string[]) {
    const file = path.join("/proc", String(pid), "task", task, "children");
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    if (text) pids.push(...text.split(/\s+/).map(Number));
  }
  return pids;
}

/** CPU time (user + system) a process has used, in clock ticks. */
export function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]);
}
