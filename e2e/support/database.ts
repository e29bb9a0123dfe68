import Database from "better-sqlite3";
import pg from "pg";

/**
 * Read-only SQL against the suite's database (DATABASE_URL, SQLite or
 * PostgreSQL), for specs that must see what was stored, not what a page
 * shows: after a crash, say. Parameters are written `$1`, `$2`… for both.
 */
export async function queryDatabase<Row>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
  const url = process.env.DATABASE_URL ?? "file:./data/latchkey.db";
  if (/^postgres(ql)?:/.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const connection = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    return connection.prepare(sql.replace(/\$\d+/g, "?")).all(...parameters) as Row[];
  } finally {
    connection.close();
  }
}
