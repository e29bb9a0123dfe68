// The benchmark build (LATCHKEY_BENCH=1 next build into .next-bench/), reused
// while no source file is newer than it.
import fs from "node:fs";
import path from "node:path";
import { bin, log, root, run } from "./processes.mjs";
import { distDir, env } from "./settings.mjs";

function newestSourceMtime() {
  let newest = 0;
  const visit = (entry) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) if (child !== "generated") visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["app", "components", "lib", "public", "middleware.ts", "next.config.ts", "package-lock.json"]) {
    visit(path.join(root, entry));
  }
  return newest;
}

export function ensureBuild() {
  const buildId = path.join(distDir, "BUILD_ID");
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  if (built && built.mtimeMs > newestSourceMtime() && process.env.BENCH_REBUILD !== "1") {
    log(`reusing ${path.basename(distDir)}/`);
    return false;
  }
  log(`building (LATCHKEY_BENCH=1 next build → ${path.basename(distDir)}/)`);
  // next build points next-env.d.ts (and may reformat tsconfig.json) at its
  // output directory: keep the files the shared .next/ build wrote.
  const kept = ["next-env.d.ts", "tsconfig.json"].map((name) => path.join(root, name));
  const saved = kept.map((file) => (fs.existsSync(file) ? fs.readFileSync(file) : null));
  try {
    // Types are `npm test`'s business (tsc); the benchmark measures the build.
    run(bin("next"), ["build"], { ...env, LATCHKEY_TYPES_CHECKED: "1" });
    // npm run build's postbuild step: the prerendered public pages' records.
    run(process.execPath, [path.join(root, "scripts/static-twins.mjs"), distDir], env);
  } finally {
    kept.forEach((file, i) => saved[i] && fs.writeFileSync(file, saved[i]));
  }
  return true;
}
