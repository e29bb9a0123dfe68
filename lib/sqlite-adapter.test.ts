// Two processes on one SQLite file, as two server processes (or a server
// and the CLI) are: the adapter's connections run in WAL mode with a busy
// timeout, and its transactions take the write lock up front, so concurrent
// read-then-write transactions wait for each other instead of failing with
// "database is locked" or losing an update. (With Prisma's adapter as it comes,
// `tsx lib/testing/sqlite-bump.ts <url> 15 stock` twice at once, on a WAL file,
// gave 4 "database is locked" and 26 of 30 updates when this was written.)
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-sqlite-adapter-"));
const file = path.join(dir, "test.db");
const url = `file:${file}`;
const TRANSACTIONS = 15;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const setup = new Database(file);
  setup.prepare(`INSERT INTO "RateLimit" ("key", "attempts", "windowStart", "updatedAt") VALUES ('shared', 0, 0, 0)`).run();
  setup.close();
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function bumpInProcess() {
  return run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "lib/testing/sqlite-bump.ts", url, String(TRANSACTIONS)], {
    cwd: root,
  });
}

describe("the SQLite adapter, from two processes at once", () => {
  it("loses no update and reports no lock error, and leaves the file in WAL mode", async () => {
    await Promise.all([bumpInProcess(), bumpInProcess()]);
    const check = new Database(file, { readonly: true });
    expect(check.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(check.prepare(`SELECT "attempts" FROM "RateLimit" WHERE "key" = 'shared'`).pluck().get()).toBe(2 * TRANSACTIONS);
    check.close();
  }, 60_000);
});
