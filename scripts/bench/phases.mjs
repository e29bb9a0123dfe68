// The servers a run measures (one process, its quiet twin, the cluster, all on
// one fresh database) and the load phases on them, each writing its figures
// into `figures`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bcryptEngine } from "../../lib/passwords/bcrypt-engine.mjs";
import { compareMs, parallelCompareRate } from "./bcrypt.mjs";
import { alternate, cannon, cannonCpu, settle } from "./load.mjs";
import * as observability from "./observability.mjs";
import { firstLoadJs, lighthouseScores } from "./pages.mjs";
import { freePort, log, root, rssSampler, run, startServer } from "./processes.mjs";
import { expectPage, signIn, signInLoadFor } from "./session.mjs";
import { dbFile, duration, email, env, LIGHTHOUSE_PAGES, onlyDashboard, onlyPublic, password } from "./settings.mjs";

const PROVIDER_BUTTONS = ["Sign in with GitHub", "Sign in with Google", "Sign in with Microsoft", "Sign in with SSO"];

function removeDatabase() {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.join(root, dbFile + suffix), { force: true });
}

/** A fresh database with the benchmark user, then the servers on it; RSS sampled from the start. */
export async function startBenchServers() {
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  log(`fresh database ${dbFile}`);
  run(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate"], env);
  run("npm", ["run", "-s", "user:create", "--", "--email", email, "--password", password, "--name", "Bench User"], env);
  const cores = os.availableParallelism();
  const port = await freePort();
  const clusterPort = await freePort();
  const servers = { cores, base: `http://127.0.0.1:${port}`, clusterBase: `http://127.0.0.1:${clusterPort}` };
  log(`npm start on ${servers.base} (one process)`);
  try {
    servers.server = await startServer(port, { env: observability.observedEnv(env) });
    servers.quiet = await observability.startQuietTwin(env);
    if (!onlyDashboard && !onlyPublic) {
      log(`npm start on ${servers.clusterBase} (WEB_CONCURRENCY=${cores})`);
      servers.cluster = await startServer(clusterPort, { env: observability.observedEnv(env), processes: cores });
    }
  } catch (error) {
    if (servers.server) await servers.server.stop();
    await servers.quiet?.stop();
    removeDatabase();
    throw error;
  }
  servers.rss = rssSampler(servers.server.pid);
  servers.clusterRss = servers.cluster && rssSampler(servers.cluster.pid);
  return servers;
}

export async function stopBenchServers(servers, figures) {
  figures.memory = servers.rss.stop();
  if (servers.clusterRss) figures.clusterMemory = servers.clusterRss.stop();
  await servers.server.stop();
  await servers.quiet.stop();
  if (servers.cluster) await servers.cluster.stop();
  if (process.env.BENCH_SERVER_LOG) fs.writeFileSync(process.env.BENCH_SERVER_LOG, servers.server.output());
  removeDatabase();
}

/** Every endpoint answers as it should before any load; the signed-in cookie and the sign-in load for the phases. */
export async function checkAndWarmUp({ base, quiet }) {
  const authed = { cookie: await signIn(base) };
  await expectPage(`${base}/dashboard`, authed, 200, email);
  await expectPage(`${base}/profile`, authed, 200, email);
  await expectPage(`${base}/bench/dashboard`, {}, 200, email);
  await expectPage(`${base}/dashboard`, {}, 307);
  await expectPage(`${base}/bench/redirect`, {}, 307);
  await observability.expectMetrics(base, quiet.base);
  const signInLoad = await signInLoadFor(base);

  log("warming up");
  const warm = { duration: Math.min(2, duration) };
  await cannon({ ...warm, url: `${base}/bench/dashboard` }, 200);
  await cannon({ ...warm, url: `${base}/dashboard`, headers: authed }, 200);
  await cannon({ ...warm, url: `${base}/profile`, headers: authed }, 200);
  await cannon({ ...warm, url: `${quiet.base}/dashboard`, headers: authed }, 200);
  await cannon({ ...warm, url: `${base}/dashboard` }, 307);
  await cannon({ ...warm, url: `${base}/bench/redirect` }, 307);
  await cannon({ ...warm, ...signInLoad, connections: 2 }, 302);
  await settle(base);
  return { authed, signInLoad, warm };
}

/** The dashboard against its no-auth twin and against the quiet twin; the profile; the sign-in page signed out. */
export async function measureDashboard({ base, server, quiet }, { authed }, figures) {
  const pid = server.pid;
  log("dashboard: no-auth twin and authenticated, alternated");
  [figures.dashboardNoAuth, figures.dashboardAuthenticated] = await alternate(
    pid,
    [{ url: `${base}/bench/dashboard` }, 200],
    [{ url: `${base}/dashboard`, headers: authed }, 200],
  );
  log("dashboard: logging and metrics on, and the quiet twin, alternated");
  Object.assign(figures, await observability.compareDashboard(alternate, [pid, quiet.pid], [base, quiet.base], authed));
  log("the profile page, authenticated");
  figures.profileAuthenticated = await cannonCpu(pid, { url: `${base}/profile`, headers: authed }, 200);
  log("the sign-in page, signed out");
  figures.loginPage = await cannonCpu(pid, { url: `${base}/login` }, 200);
}

/** Redirects, sign-ins, pages under sign-in load, and what a browser downloads, on the one process. */
export async function measureOneProcess({ base, server }, { authed, signInLoad }, figures) {
  const pid = server.pid;
  log("redirects: protected page without a session, then a bare middleware redirect");
  [figures.redirectProtected, figures.redirectBare] = await alternate(
    pid,
    [{ url: `${base}/dashboard` }, 307],
    [{ url: `${base}/bench/redirect` }, 307],
  );

  log("sign-ins");
  figures.bcryptLibrary = bcryptEngine.name;
  figures.compareMs = compareMs();
  figures.parallelComparesPerSecond = await parallelCompareRate();
  figures.signIn = await cannon(signInLoad, 302);
  await settle(base);

  // Pages as a few users browse them (2 connections, 40 req/s), alone and
  // while 8 clients sign in as fast as they can.
  log("authenticated pages idle, then under sign-in load");
  const browsing = { url: `${base}/dashboard`, headers: authed, connections: 2, overallRate: 40 };
  figures.pagesIdle = await cannon(browsing, 200);
  [figures.pagesUnderSignIn, figures.signInDuringPages] = await Promise.all([cannon(browsing, 200), cannon(signInLoad, 302)]);
  await settle(base);

  figures.loginFirstLoadJs = await firstLoadJs(base, "/login", PROVIDER_BUTTONS);
  log("lighthouse: /, /login, /register");
  figures.lighthouse = await lighthouseScores(base, LIGHTHOUSE_PAGES);
}

/** The same session (one database, one secret) on the cluster, against the one process. */
export async function measureCluster({ base, server, cluster, clusterBase, cores }, { authed, warm }, figures) {
  const clusterAuthed = { url: `${clusterBase}/dashboard`, headers: authed };
  await expectPage(`${clusterBase}/dashboard`, authed, 200, email);
  const clusterSignInLoad = await signInLoadFor(clusterBase);
  log("warming up the cluster");
  await cannon({ ...warm, ...clusterAuthed }, 200);
  await cannon({ ...warm, ...clusterSignInLoad, connections: 2 }, 302);
  await settle(clusterBase);
  log(`dashboard: one process and WEB_CONCURRENCY=${cores}, alternated`);
  [figures.dashboardOneProcess, figures.dashboardCluster] = await alternate(
    [server.pid, cluster.pid],
    [{ url: `${base}/dashboard`, headers: authed }, 200],
    [clusterAuthed, 200],
  );
  log("sign-ins on the cluster, then its pages idle and under sign-in load");
  figures.clusterSignIn = await cannon(clusterSignInLoad, 302);
  await settle(clusterBase);
  const clusterBrowsing = { ...clusterAuthed, connections: 2, overallRate: 40 };
  figures.clusterPagesIdle = await cannon(clusterBrowsing, 200);
  [figures.clusterPagesUnderSignIn, figures.clusterSignInDuringPages] = await Promise.all([
    cannon(clusterBrowsing, 200),
    cannon(clusterSignInLoad, 302),
  ]);
}
