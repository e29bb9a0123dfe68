#!/usr/bin/env node
// `npm test`: every suite, in order, with one total at the end.
//   type check, lint, unit tests (Vitest), production build, then the
//   Playwright end-to-end suite against `next start` on a fresh SQLite
//   database and, when TEST_POSTGRES_URL is set, again on a fresh PostgreSQL
//   database created through that URL (CI sets it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { SUITE_PROVIDER_ENV } from "../e2e/support/suite-deployment.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outputDir = path.join(root, "test-results", "summary");
fs.mkdirSync(outputDir, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[path.basename(command), ...args].join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function check(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function unitTests() {
  const report = path.join(outputDir, "unit.json");
  fs.rmSync(report, { force: true });
  const ok = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]);
  const json = readJson(report);
  if (!json) return check("unit tests", false);
  // A run that failed without a failed test (a suite that would not load) still counts once.
  results.push({ name: "unit tests", passed: json.numPassedTests, failed: Math.max(json.numFailedTests, ok ? 0 : 1) });
}

function endToEnd(name, databaseUrl) {
  const report = path.join(outputDir, `e2e-${name}.json`);
  fs.rmSync(report, { force: true });
  const env = { DATABASE_URL: databaseUrl };
  if (!run(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"], env)) {
    return check(`end-to-end (${name}): migrate`, false);
  }
  const ok = run(bin("playwright"), ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const stats = readJson(report)?.stats;
  if (!stats) return check(`end-to-end (${name})`, false);
  const failed = Math.max(stats.unexpected + stats.flaky, ok ? 0 : 1);
  results.push({ name: `end-to-end (${name})`, passed: stats.expected, failed });
}

async function withPostgresDatabase(adminUrl, body) {
  const name = `latchkey_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    body(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const typesChecked = check("type check", run(bin("tsc"), ["--noEmit"]));
check("lint", run(bin("eslint"), ["--max-warnings=0", "."]));
unitTests();
// `npm run build`'s two steps (package.json): next build, then its postbuild.
// The build's own type check would repeat the one above (a minute of CPU).
// Built with the suite's "Sign in with …" provider, as its server runs, so
// that server serves the prerendered /login and /register (app/static/).
const built = check(
  "production build",
  run(bin("next"), ["build"], { ...SUITE_PROVIDER_ENV, ...(typesChecked ? { LATCHKEY_TYPES_CHECKED: "1" } : {}) }) &&
    run(process.execPath, [path.join(root, "scripts/static-twins.mjs")]),
);
if (built) {
  const sqliteFile = path.join("data", `e2e-${Date.now()}.db`);
  try {
    endToEnd("sqlite", `file:./${sqliteFile}`);
  } finally {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.join(root, sqliteFile + suffix), { force: true });
  }
  if (process.env.TEST_POSTGRES_URL) {
    await withPostgresDatabase(process.env.TEST_POSTGRES_URL, (url) => endToEnd("postgresql", url));
  } else {
    console.log("\nTEST_POSTGRES_URL is not set: skipping the PostgreSQL end-to-end run.");
  }
}

console.log("\nSummary");
for (const { name, passed, failed } of results) console.log(`  ${name}: ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
