#!/usr/bin/env node
// `npm run bench`: the performance targets of docs/performance.md, measured in
// one run against one production server, so every figure is a ratio of two
// numbers taken on the same machine minutes apart.
//
//   1. a benchmark build (LATCHKEY_BENCH=1 next build into .next-bench/, which
//      adds the no-auth twin of /dashboard and a bare middleware redirect),
//      reused while no source file is newer than it;
//   2. `npm start`'s entry (scripts/start.mjs) on a free 127.0.0.1 port,
//      one process, with a fresh SQLite database under data/, a user made by
//      `npm run user:create`, signed in over HTTP; and the same with
//      WEB_CONCURRENCY = cores on another port, the same database;
//   3. autocannon phases (8 connections, BENCH_DURATION seconds, default 10),
//      the servers' RSS sampled throughout: first on the one process, then
//      the one process against the cluster, and sign-ins on the cluster;
//   4. the public pages (/login, /, /register, prerendered) against a bare
//      static page of the same build (scripts/bench/public-pages.mjs;
//      BENCH_ONLY=public runs this phase alone);
//   5. /login's first-load JavaScript, Lighthouse on /, /login and /register,
//      and the first-load JavaScript of a bare Next.js page for comparison;
//   6. one JSON object with every figure, then a one-line summary.
//
// The one-process server and the cluster run with metrics on (METRICS_TOKEN)
// and LOG_LEVEL as configured; a quiet twin (LOG_LEVEL=silent, no metrics)
// measures what they cost the dashboard (scripts/bench/observability.mjs).
//
// Exits non-zero only when something fails to run; a missed target is
// reported as "fail" in the summary.
//
// The parts: scripts/bench/settings.mjs (what a run uses), build.mjs,
// phases.mjs (the servers and the load phases), load.mjs (autocannon),
// session.mjs, bcrypt.mjs, pages.mjs (page weight, Lighthouse),
// observability.mjs, report.mjs (ratios, targets, the summary).
import { ensureBuild } from "./bench/build.mjs";
import { frameworkFloorJs } from "./bench/pages.mjs";
import {
  checkAndWarmUp,
  measureCluster,
  measureDashboard,
  measureOneProcess,
  startBenchServers,
  stopBenchServers,
} from "./bench/phases.mjs";
import { log } from "./bench/processes.mjs";
import { measurePublicPages, publicPagesSummary } from "./bench/public-pages.mjs";
import { dashboardRatios, printReport } from "./bench/report.mjs";
import { env, onlyDashboard, onlyPublic } from "./bench/settings.mjs";

async function main() {
  const built = ensureBuild();
  const servers = await startBenchServers();
  const figures = {};
  try {
    const session = await checkAndWarmUp(servers);
    // BENCH_ONLY=public: the public pages against a bare static page, alone.
    if (!onlyPublic) await measureDashboard(servers, session, figures);
    if (!onlyDashboard) await measurePublicPages(servers, figures);
    // BENCH_ONLY=dashboard: the comparison alone, e.g. while profiling it.
    if (!onlyDashboard && !onlyPublic) {
      await measureOneProcess(servers, session, figures);
      await measureCluster(servers, session, figures);
    }
  } finally {
    await stopBenchServers(servers, figures);
  }
  if (onlyPublic) {
    console.log(JSON.stringify({ figures }, null, 2));
    console.log(publicPagesSummary(figures.publicPages));
    return;
  }
  if (onlyDashboard) {
    console.log(JSON.stringify({ figures, ratios: dashboardRatios(figures) }, null, 2));
    return;
  }
  log("the framework's floor: first-load JavaScript of a bare Next.js page");
  figures.frameworkFloorJs = await frameworkFloorJs(env);
  printReport(figures, built);
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
