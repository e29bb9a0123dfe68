import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { configureSqliteConnection, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/sqlite";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

/**
 * Prisma's better-sqlite3 adapter, with the connection it opens set up for
 * several processes writing at once (lib/sqlite.ts: WAL, busy timeout), and
 * its transactions started with BEGIN IMMEDIATE instead of BEGIN. A deferred
 * transaction that reads and then writes asks for the write lock late; in WAL
 * mode, when another process has written in between, SQLite answers that
 * with "database is locked" at once, without waiting out the busy timeout.
 * IMMEDIATE takes the write lock up front, where the busy timeout applies.
 *
 * The adapter keeps its better-sqlite3 connection in a `client` property
 * (not in its type declarations); this is the only place that reaches it.
 */
export function sqliteAdapter(url: string): Factory {
  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<Adapter> => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    configureSqliteConnection(client);
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof client.prepare;
    return adapter;
  };
  return factory;
}
