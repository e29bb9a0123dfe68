/**
 * How long an SQLite connection waits for another process's write lock (the
 * server and `npm run user:create`, say) before giving up.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
