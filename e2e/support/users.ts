import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";

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
 * Creates a user through the operator command (`npm run user:create`), in
 * the same database as the server under test (or in `databaseUrl`'s).
 */
export async function createUser(
  options: Partial<Omit<TestUser, "id">> & { admin?: boolean; databaseUrl?: string } = {},
): Promise<TestUser> {
  const name = options.name ?? "Test User";
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? DEFAULT_PASSWORD;
  const args = ["--conditions=react-server", "scripts/create-user.ts", "--email", email, "--password", password, "--name", name];
  if (options.admin) args.push("--admin");
  const env = options.databaseUrl ? { ...process.env, DATABASE_URL: options.databaseUrl } : process.env;
  const { stdout } = await run("node_modules/.bin/tsx", args, { env });
  const { id } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { id: string };
  return { id, name, email, password };
}

export async function setUserActive(email: string, active: boolean): Promise<void> {
  await run("node_modules/.bin/tsx", [
    "--conditions=react-server",
    "scripts/set-user-active.ts",
    active ? "activate" : "deactivate",
    "--email",
    email,
  ]);
}
