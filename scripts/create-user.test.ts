// `npm run user:create` refuses addresses that are not what they seem (see
// lib/validation/deceptive-addresses.test.ts) before it touches a database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function createUser(email: string) {
  return spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/create-user.ts", "--email", email, "--password", "correct horse battery staple", "--name", "Val"],
    // A database that does not exist: bad arguments must be reported without one.
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: "file:./data/never-created-by-this-test.db" } },
  );
}

describe("user:create", () => {
  it.each(['"a@evil.test"@victim.test', "victim＠evil.test", "Victim <a@evil.test>"])(
    "exits 2 with a message for %j",
    (email) => {
      const run = createUser(email);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("--email: Enter a valid email address, like name@example.com.");
      expect(run.stderr).toContain("Usage: npm run user:create");
      expect(run.stdout).toBe("");
    },
    30_000,
  );
});
