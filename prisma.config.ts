import path from "node:path";
import nextEnv from "@next/env";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabase } from "./lib/database-url";
import { SQLITE_BUSY_TIMEOUT_MS } from "./lib/sqlite";
import { patchPgNameColumns } from "./prisma/pg-name-column-shim";

// The CLI reads the same .env files as `next start`, so both see one DATABASE_URL.
nextEnv.loadEnvConfig(process.cwd());

const database = resolveDatabase(process.env.DATABASE_URL);
const generatedDir = path.join("prisma", ".generated", database.provider);

if (database.provider === "postgresql") patchPgNameColumns();

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(generatedDir, "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations", database.provider) },
  async adapter() {
    return database.provider === "sqlite"
      ? new PrismaBetterSQLite3({ url: database.url, timeout: SQLITE_BUSY_TIMEOUT_MS })
      : new PrismaPg({ connectionString: database.url });
  },
});
