export interface ReadyCheck {
  /** The path polled, /api/ready by default (a build without it, such as the bench's framework floor, polls "/"). */
  path?: string;
  /** "ok" (default): a 2xx answer; "any": any HTTP answer, for a server meant to start with its database down. */
  accept?: "ok" | "any";
}

export interface StartOptions {
  /** Over process.env and TEST_SERVER_DEFAULTS. */
  env?: Record<string, string | undefined>;
  /** The project's directory, where scripts/start.mjs is and the server runs: process.cwd() by default (npm's and Playwright's). */
  cwd?: string;
  /** The directory to serve (npm start's positional argument, relative to `cwd`), the project by default. */
  dir?: string;
  /** Node arguments after the heap cap (--cpu-prof…). */
  nodeArgs?: string[];
  ready?: ReadyCheck;
  /** How many processes must have said "serving": WEB_CONCURRENCY by default, 0 at LOG_LEVEL=silent. */
  serving?: number;
  /** 60 s by default. */
  timeoutMs?: number;
}

export interface ServerProcess {
  port: number;
  /** The PID of the process started (the cluster's primary when WEB_CONCURRENCY > 1). */
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with its exit code (null when killed by a signal) once it has exited. */
  exited: Promise<number | null>;
  running(): boolean;
  /** The PIDs of the server processes it forked (none with WEB_CONCURRENCY=1). */
  children(): number[];
  /** `signal` (SIGTERM by default), then its exit code; SIGKILL to it and what it forked after 15 s. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const TEST_SERVER_DEFAULTS: { SHUTDOWN_READY_DELAY_SECONDS: string; NEXT_TELEMETRY_DISABLED: string };
export function startServerProcess(port: number, options?: StartOptions): Promise<ServerProcess>;
export function isRunning(pid: number): boolean;
export function childPids(pid: number): number[];
export function processTree(pid: number): number[];
export function cpuTicks(pid: number): number;
