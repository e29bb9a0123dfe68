// The benchmark's ratios and targets (docs/performance.md), from the figures
// of one run: one JSON object with everything, then a one-line summary.
import { publicPagesSummary } from "./public-pages.mjs";
import os from "node:os";
import * as observability from "./observability.mjs";
import { round } from "./processes.mjs";
import { connections, cost, duration } from "./settings.mjs";

/** What BENCH_ONLY=dashboard reports too: the dashboard against its twins. */
export function dashboardRatios(figures) {
  return {
    dashboardAuthVsNoAuth: round(figures.dashboardAuthenticated.rps / figures.dashboardNoAuth.rps, 3),
    // The same comparison in server CPU per request (no-auth ÷ authenticated):
    // what the throughput ratio would be on an otherwise idle machine.
    dashboardAuthVsNoAuthByCpu: round(
      figures.dashboardNoAuth.cpuMsPerRequest / figures.dashboardAuthenticated.cpuMsPerRequest,
      3,
    ),
    ...observability.observabilityRatios(figures),
  };
}

function ratiosAndTargets(figures, cores) {
  const ratios = {
    ...dashboardRatios(figures),
    redirectProtectedVsBare: round(figures.redirectProtected.rps / figures.redirectBare.rps, 3),
    signInVsCoresPerCompare: round(figures.signIn.rps / (cores / (figures.compareMs / 1000)), 3),
    // Against what the cores really manage together, which is less than
    // cores × one comparison's rate (they share caches, or are hyperthreads).
    signInVsParallelCompares: round(figures.signIn.rps / figures.parallelComparesPerSecond, 3),
    pagesP99LoadedVsIdle: round(figures.pagesUnderSignIn.p99Ms / Math.max(figures.pagesIdle.p99Ms, 1), 2),
    clusterVsOneProcess: round(figures.dashboardCluster.rps / figures.dashboardOneProcess.rps, 3),
    clusterVsOneProcessByCpu: round(figures.dashboardOneProcess.cpuMsPerRequest / figures.dashboardCluster.cpuMsPerRequest, 3),
    clusterSignInVsParallelCompares: round(figures.clusterSignIn.rps / figures.parallelComparesPerSecond, 3),
    clusterPagesP99LoadedVsIdle: round(
      figures.clusterPagesUnderSignIn.p99Ms / Math.max(figures.clusterPagesIdle.p99Ms, 1),
      2,
    ),
    loginJsOverFrameworkKb: round(figures.loginFirstLoadJs.gzipKb - figures.frameworkFloorJs.gzipKb),
  };
  const targets = {
    dashboard: ratios.dashboardAuthVsNoAuth >= 0.85,
    observability: observability.observabilityTarget(ratios),
    redirect: ratios.redirectProtectedVsBare >= 0.95,
    signInThroughput: ratios.signInVsCoresPerCompare >= 0.9,
    p99UnderSignIn: ratios.pagesP99LoadedVsIdle <= 3,
    // 1.7× on 2 cores: 85% of one more process per core.
    cluster: ratios.clusterVsOneProcess >= 0.85 * cores,
    clusterP99UnderSignIn: ratios.clusterPagesP99LoadedVsIdle <= 3,
    clusterSignInThroughput: ratios.clusterSignInVsParallelCompares >= 0.9,
    rss: figures.memory.peakRssMb < 300 && figures.clusterMemory.largestProcessMb < 300,
    loginFirstLoadJs: ratios.loginJsOverFrameworkKb <= 10,
    lighthouse: Object.values(figures.lighthouse).every((page) => page.performance >= 95 && page.accessibility === 100),
  };
  return { ratios, targets };
}

export function printReport(figures, built) {
  const cores = os.availableParallelism();
  const { ratios, targets } = ratiosAndTargets(figures, cores);
  const report = {
    machine: { cores, cpu: os.cpus()[0]?.model, node: process.version, memoryGb: round(os.totalmem() / 2 **30) },
    settings: { durationSeconds: duration, connections, bcryptCost: cost, rebuilt: built },
    figures,
    ratios,
    targets: Object.fromEntries(Object.entries(targets).map(([name, ok]) => [name, ok ? "pass" : "fail"])),
  };
  console.log(JSON.stringify(report, null, 2));
  const passed = Object.values(targets).filter(Boolean).length;
  console.log(
    `bench: ${passed}/${Object.keys(targets).length} targets met — ` +
      `dashboard ${ratios.dashboardAuthVsNoAuth} of no-auth (≥0.85; ${ratios.dashboardAuthVsNoAuthByCpu} by CPU/request), ` +
      `${observability.observabilitySummary(ratios)}, ` +
      `redirect ${ratios.redirectProtectedVsBare} of bare (≥0.95), ` +
      `sign-ins ${figures.signIn.rps}/s = ${ratios.signInVsCoresPerCompare} of ${cores} cores/${figures.compareMs} ms ${figures.bcryptLibrary} (≥0.9; ${ratios.signInVsParallelCompares} of ${figures.parallelComparesPerSecond}/s measured in parallel), ` +
      `p99 under sign-ins ${ratios.pagesP99LoadedVsIdle}× idle (≤3), ` +
      `cluster of ${cores} ${ratios.clusterVsOneProcess}× one process (≥${round(0.85 * cores, 2)}; ${ratios.clusterVsOneProcessByCpu} by CPU/request), ` +
      `cluster sign-ins ${figures.clusterSignIn.rps}/s = ${ratios.clusterSignInVsParallelCompares} of ${figures.parallelComparesPerSecond}/s (≥0.9), ` +
      `cluster p99 under sign-ins ${ratios.clusterPagesP99LoadedVsIdle}× idle (≤3), ` +
      `peak RSS ${figures.memory.peakRssMb} MB one process (<300), cluster ${figures.clusterMemory.peakRssMb} MB in all, largest process ${figures.clusterMemory.largestProcessMb} MB (<300), ` +
      `${publicPagesSummary(figures.publicPages)}, ` +
      `/login JS ${figures.loginFirstLoadJs.gzipKb} kB gzip = bare Next.js page ${figures.frameworkFloorJs.gzipKb} + ${ratios.loginJsOverFrameworkKb} (≤+10), ` +
      `Lighthouse performance/accessibility ${Object.entries(figures.lighthouse)
        .map(([page, score]) => `${page} ${score.performance}/${score.accessibility}`)
        .join(", ")} (≥95/100)`,
  );
}
