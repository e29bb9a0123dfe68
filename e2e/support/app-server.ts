import { spawn, type ChildProcess } from "node:child_process";
import { E2E_BCRYPT_COST } from "./bcrypt-cost";

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** Everything the server printed, for assertions and for failure messages. */
  output(): string;
  /** Sends the signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The AUTH_SECRET of these servers (a spec that forges a token needs it). */
export const APP_SERVER_SECRET = "e2e-only-secret-not-for-production-use-0123456789";

/**
 * Another server of the same production build, on its own port, with its
 * own environment (database, SMTP_URL…), served as localhost like the main one.
 * The caller stops it, by this handle only.
 */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  // `npm start`'s entry (scripts/start.mjs), as in production: graceful on SIGTERM.
  const child = spawn(process.execPath, ["--max-old-space-size=192", "scripts/start.mjs", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      AUTH_SECRET: APP_SERVER_SECRET,
      AUTH_URL: `http://localhost:${port}`,
      TRUST_PROXY: "true",
      BCRYPT_COST: E2E_BCRYPT_COST,
      NEXT_TELEMETRY_DISABLED: "1",
      // Stopped at once on SIGTERM: a spec that tests the readiness delay asks for one.
      SHUTDOWN_READY_DELAY_SECONDS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: AppServer = {
    url: `http://localhost:${port}`,
    process: child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited:\n${output}`);
    try {
      // Any answer will do: a server whose database is down answers 503.
      await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop("SIGKILL");
  throw new Error(`the server on port ${port} did not start listening:\n${output}`);
}
