import Database from "better-sqlite3";
import pg from "pg";

/**
 * Plain SQL against the database of the server under test (DATABASE_URL, as
 * scripts/test-all.mjs sets it), for what a person cannot do through the
 * pages: let a link expire without waiting half an hour, or look at the
 * outbox. Write placeholders as $1, $2…; quote table and column names.
 */
export async function sql<Row = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  url = process.env.DATABASE_URL ?? "file:./data/latchkey.db",
): Promise<Row[]> {
  if (url.startsWith("file:")) {
    const connection = new Database(url.slice("file:".length), { fileMustExist: true, timeout: 10_000 });
    try {
      const statement = connection.prepare(text.replace(/\$\d+/g, "?"));
      return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}
