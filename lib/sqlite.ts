/**
 * How long an SQLite connection waits for another process's write lock (the
 * server and `npm run user:create`, say) before giving up.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** The pragmas of the one connection kind better-sqlite3 opens. */
interface Pragmas {
  pragma(source: string): unknown;
}

/**
 * Every read-write connection runs in WAL mode: readers never block the
 * writer nor it them, so several server processes and the CLI share the
 * file. WAL is a property of the database file (it sticks once set), but
 * setting it on each connection also covers a file made elsewhere. The busy
 * timeout is per connection: it makes a writer wait for another's lock
 * instead of failing with "database is locked". synchronous stays FULL
 * (SQLite's default): a committed write survives a crash of the machine,
 * not just of the process.
 */
export function configureSqliteConnection(connection: Pragmas, { readonly = false } = {}): void {
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  if (!readonly) connection.pragma("journal_mode = WAL");
}
