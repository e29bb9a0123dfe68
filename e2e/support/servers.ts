import { startServerProcess, type ReadyCheck, type ServerProcess } from "./server-process.mjs";
import { ownDeploymentEnv, SERVER_ENV, SUITE_DEPLOYMENT_ENV } from "./server-env";
import { APP_PORT } from "./mail-settings";

export { cpuTicks, isRunning } from "./server-process.mjs";
export { E2E_SECRET } from "./server-env";

// Servers a spec starts itself (several instances, crashes, restarts, other
// settings): the production build the suite already made (.next/), started
// through the one starter (e2e/support/server-process.mjs) on a port of its
// own next to the suite's, stopped by their PID.

/**
 * A port for a spec's own server: the suite's port plus an offset that spec
 * owns (+1 is the mail sink's, e2e/support/mail-settings.ts; each offset
 * belongs to one spec file, scripts/spec-ports.test.ts).
 */
export function specPort(offset: number): number {
  return APP_PORT + offset;
}

export const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");

export interface SpecServer extends ServerProcess {
  baseURL: string;
}

export interface SpecServerOptions {
  /** The project directory to serve (npm start's positional argument), this one by default. */
  dir?: string;
  /**
   * "suite" (default): another instance of the suite's deployment (its
   * secret, public URL, mail sink and database), reached at 127.0.0.1.
   * "own": a deployment of its own, its public URL http://localhost:port
   * (WebAuthn refuses an IP address), no mail server unless `env` gives one.
   */
  deployment?: "suite" | "own";
  /** Ready when /api/ready is ok, by default; `{ accept: "any" }` for a server started with its database down. */
  ready?: ReadyCheck;
}

export async function startServer(port: number, env: Record<string, string> = {}, options: SpecServerOptions = {}): Promise<SpecServer> {
  const own = options.deployment === "own";
  const deployment = own ? ownDeploymentEnv(port) : SUITE_DEPLOYMENT_ENV;
  const server = await startServerProcess(port, { env: { ...SERVER_ENV, ...deployment, ...env }, dir: options.dir, ready: options.ready });
  return Object.assign(server, { baseURL: `http://${own ? "localhost" : "127.0.0.1"}:${port}` });
}
