import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import readline from "node:readline";
import { promisify } from "node:util";
import { E2E_BCRYPT_COST } from "./bcrypt-cost";
import type { OperatorAnswer, OperatorRequest } from "./operator-process";

const run = promisify(execFile);

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export const DEFAULT_PASSWORD = "correct horse battery staple";

/**
 * This worker's operator process (e2e/support/operator-process.ts), on the
 * database of the server under test; started on first use, it ends with the
 * worker (its stdin closes).
 */
class OperatorProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting = new Map<number, (answer: OperatorAnswer) => void>();
  #nextId = 1;
  #exited: string | null = null;

  constructor() {
    this.#child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/support/operator-process.ts"], {
      env: { ...process.env, BCRYPT_COST: E2E_BCRYPT_COST },
    });
    let stderr = "";
    this.#child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    readline.createInterface({ input: this.#child.stdout }).on("line", (line) => {
      const { id, answer } = JSON.parse(line) as { id: number; answer: OperatorAnswer };
      this.#waiting.get(id)?.(answer);
      this.#waiting.delete(id);
    });
    this.#child.on("exit", (code) => {
      this.#exited = `the operator process exited (${code}): ${stderr}`;
      for (const settle of this.#waiting.values()) settle({ ok: false, error: this.#exited });
      this.#waiting.clear();
    });
    // Not a reason for the worker to stay alive.
    this.#child.unref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  }

  ask(request: OperatorRequest): Promise<OperatorAnswer> {
    if (this.#exited) return Promise.resolve({ ok: false, error: this.#exited });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.#child.stdin.write(`${JSON.stringify({ id, request })}\n`);
    });
  }
}

let operator: OperatorProcess | undefined;

async function ask(request: OperatorRequest): Promise<string | undefined> {
  operator ??= new OperatorProcess();
  const answer = await operator.ask(request);
  if (!answer.ok) throw new Error(answer.error);
  return answer.id;
}

/**
 * Creates a user as `npm run user:create` does (the same code and rules), in
 * the same database as the server under test; in `databaseUrl`'s through
 * the command itself.
 */
export async function createUser(
  options: Partial<Omit<TestUser, "id">> & { admin?: boolean; databaseUrl?: string } = {},
): Promise<TestUser> {
  const name = options.name ?? "Test User";
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? DEFAULT_PASSWORD;
  const admin = options.admin ?? false;
  if (!options.databaseUrl) {
    const id = await ask({ op: "createUser", email, password, name, admin });
    return { id: id ?? "", name, email, password };
  }
  const args = ["--conditions=react-server", "scripts/create-user.ts", "--email", email, "--password", password, "--name", name];
  if (admin) args.push("--admin");
  const { stdout } = await run("node_modules/.bin/tsx", args, { env: { ...process.env, BCRYPT_COST: E2E_BCRYPT_COST, DATABASE_URL: options.databaseUrl } });
  const { id } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { id: string };
  return { id, name, email, password };
}

/** As `npm run user:activate` / `user:deactivate` do, on the server under test's database. */
export async function setUserActive(email: string, active: boolean): Promise<void> {
  await ask({ op: "setUserActive", email, active });
}
