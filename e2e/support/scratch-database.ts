import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of the same kind as the suite's (DATABASE_URL):
 * for a spec that runs a server of its own, so that the main server's mail
 * sender never takes that server's mail.
 */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const suiteUrl = process.env.DATABASE_URL ?? "file:./data/latchkey.db";
  const name = `e2e_${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  let database: ScratchDatabase;
  if (suiteUrl.startsWith("file:")) {
    const file = path.join("data", `${name}.db`);
    database = {
      url: `file:./${file}`,
      drop: async () => {
        for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  } else {
    await withClient(suiteUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(suiteUrl);
    url.pathname = `/${name}`;
    database = {
      url: url.toString(),
      drop: () => withClient(suiteUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  // Not execFileSync: a blocked worker could not even time the test out.
  await run(process.execPath, ["scripts/prisma.mjs", "migrate"], {
    env: { ...process.env, DATABASE_URL: database.url },
    timeout: 60_000,
  });
  return database;
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
