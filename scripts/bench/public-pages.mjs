// The public pages against a bare static page of the same build (the
// benchmark-only /bench/static, prerendered, in the app's root layout, served
// by Next.js as a static page), behind the same middleware and the same entry
// (scripts/start.mjs), on the benchmark's one-process server: requests per
// second and server CPU per request, each page alternated with the bare page
// in one phase, then first-load JavaScript and Lighthouse. The server runs
// with the build's "Sign in with …" providers, so /login and /register are
// served prerendered with their buttons; /login with a query (`next`) is
// measured too, as the page rendered per request.
import { alternate, cannon, settle } from "./load.mjs";
import { firstLoadJs, lighthouseScores } from "./pages.mjs";
import { log, round } from "./processes.mjs";
import { duration } from "./settings.mjs";

export const PUBLIC_PAGES = ["/login", "/", "/register"];
const PER_REQUEST_LOGIN = "/login?next=%2Fdashboard";
const BARE = "/bench/static";

async function pageAgainstBare(base, pid, page) {
  const [figure, bare] = await alternate(pid, [{ url: `${base}${page}` }, 200], [{ url: `${base}${BARE}` }, 200]);
  return {
    page: figure,
    bare,
    vsBare: round(figure.rps / bare.rps, 3),
    vsBareByCpu: round(bare.cpuMsPerRequest / figure.cpuMsPerRequest, 3),
  };
}

/** `servers`: the benchmark's servers (phases.mjs); its one-process server has every provider, as its build. */
export async function measurePublicPages(servers, figures) {
  const { base } = servers;
  const pid = servers.server.pid;
  const warm = { duration: Math.min(2, duration) };
  for (const page of [...PUBLIC_PAGES, PER_REQUEST_LOGIN, BARE]) await cannon({ ...warm, url: `${base}${page}` }, 200);
  await settle(base);
  const pages = {};
  for (const page of PUBLIC_PAGES) {
    log(`${page} signed out (prerendered) against the bare static page, alternated`);
    pages[page] = await pageAgainstBare(base, pid, page);
  }
  log(`${PER_REQUEST_LOGIN} (rendered per request) against the bare static page`);
  const perRequest = await pageAgainstBare(base, pid, PER_REQUEST_LOGIN);
  const loginJs = await firstLoadJs(base, "/login");
  const bareJs = await firstLoadJs(base, BARE);
  log("lighthouse: the prerendered /, /login, /register");
  const lighthouse = await lighthouseScores(base, PUBLIC_PAGES);
  figures.publicPages = { pages, loginPerRequest: perRequest, loginJs, bareJs, loginJsOverBareKb: round(loginJs.gzipKb - bareJs.gzipKb), lighthouse };
}

/** One line: each page's share of the bare page's rate (target ≥ 0.8), and /login's JS over the bare page's. */
export function publicPagesSummary(result) {
  const rates = Object.entries(result.pages)
    .map(([page, f]) => `${page} ${f.page.rps}/s = ${f.vsBare} of bare ${f.bare.rps}/s (${f.page.cpuMsPerRequest} vs ${f.bare.cpuMsPerRequest} ms CPU/request)`)
    .join(", ");
  const verdict = Object.values(result.pages).every((f) => f.vsBare >= 0.8) ? "pass" : "fail";
  const dynamic = result.loginPerRequest;
  return (
    `public pages: ${rates} — ${verdict} (≥0.8); /login per request (a query) ${dynamic.page.rps}/s = ${dynamic.vsBare} of bare; ` +
    `/login JS ${result.loginJs.gzipKb} kB gzip = bare ${result.bareJs.gzipKb} + ${result.loginJsOverBareKb} (≤+10); ` +
    `Lighthouse prerendered ${Object.entries(result.lighthouse)
      .map(([page, score]) => `${page} ${score.performance}/${score.accessibility}`)
      .join(", ")} (≥95/100)`
  );
}
