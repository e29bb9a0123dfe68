#!/usr/bin/env node
// Run by `npm run dev` before `next dev`: makes a fresh clone work with no
// manual step. Generates a development AUTH_SECRET once (kept in the
// git-ignored .env.development.local, which `next start` never reads) and
// applies migrations to the database (SQLite under data/ by default).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

const root = path.resolve(import.meta.dirname, "..");
const devEnvFile = path.join(root, ".env.development.local");

nextEnv.loadEnvConfig(root, true);
if (!process.env.AUTH_SECRET) {
  const secret = randomBytes(33).toString("base64");
  fs.appendFileSync(devEnvFile, `# Generated for local development by scripts/prepare-dev.mjs\nAUTH_SECRET="${secret}"\n`);
  console.log("Generated a development AUTH_SECRET in .env.development.local");
}

execFileSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"], { cwd: root, stdio: "inherit" });
