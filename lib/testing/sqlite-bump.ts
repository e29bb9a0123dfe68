// For lib/sqlite-adapter.test.ts: one process's share of concurrent
// read-then-write transactions on one SQLite file.
//   tsx lib/testing/sqlite-bump.ts <database url> <transactions> [stock]
// "stock" uses Prisma's adapter as it comes, for comparison.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/sqlite/client";
import { sqliteAdapter } from "@/lib/sqlite-adapter";

const [url = "", count = "10", mode] = process.argv.slice(2);
const adapter = mode === "stock" ? new PrismaBetterSQLite3({ url, timeout: 5_000 }) : sqliteAdapter(url);
const client = new PrismaClient({ adapter });

async function bump(): Promise<void> {
  await client.$transaction(
    async (tx) => {
      const row = await tx.rateLimit.findUniqueOrThrow({ where: { key: "shared" } });
      await new Promise((resolve) => setTimeout(resolve, 10));
      await tx.rateLimit.update({ where: { key: "shared" }, data: { attempts: row.attempts + 1 } });
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
}

async function main(): Promise<void> {
  let failures = 0;
  for (let i = 0; i < Number(count); i++) {
    // A moment between transactions, as between a server's requests. Back to
    // back, one process can keep the write lock taken for longer than the
    // other's 5 s busy timeout: SQLite's waiting writer polls, it is not queued
    // (seen once in a fully loaded CI run as "database is locked").
    await new Promise((resolve) => setTimeout(resolve, 3));
    try {
      await bump();
    } catch (error) {
      failures += 1;
      console.error(error instanceof Error ? error.message.split("\n").at(-1) : error);
    }
  }
  await client.$disconnect();
  process.exit(failures > 0 ? 1 : 0);
}

void main();
