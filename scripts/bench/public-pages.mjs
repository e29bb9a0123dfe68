// The public pages against a bare static page of the same build (the
// benchmark-only /bench/static, prerendered, in the app's root layout), for
// scripts/bench.mjs: requests per second and server CPU per request, each
// page alternated with the bare page in one phase, then first-load JavaScript.
import { round } from "./processes.mjs";

export const PUBLIC_PAGES = ["/login", "/", "/register"];
const BARE = "/bench/static";

/** `alternate` and `firstLoadJs` are bench.mjs's own, so these phases are measured like the others. */
export async function publicPagePhases({ base, pid, alternate, firstLoadJs, log }) {
  const pages = {};
  for (const page of PUBLIC_PAGES) {
    log(`${page} signed out against the bare static page, alternated`);
    const [figure, bare] = await alternate(pid, [{ url: `${base}${page}` }, 200], [{ url: `${base}${BARE}` }, 200]);
    pages[page] = {
      page: figure,
      bare,
      vsBare: round(figure.rps / bare.rps, 3),
      vsBareByCpu: round(bare.cpuMsPerRequest / figure.cpuMsPerRequest, 3),
    };
  }
  const loginJs = await firstLoadJs(base, "/login");
  const bareJs = await firstLoadJs(base, BARE);
  return { pages, loginJs, bareJs, loginJsOverBareKb: round(loginJs.gzipKb - bareJs.gzipKb) };
}

/** One line: each page's share of the bare page's rate (target ≥ 0.8 for /login), and /login's JS over the bare page's. */
export function publicPagesSummary(result) {
  const rates = Object.entries(result.pages)
    .map(([page, f]) => `${page} ${f.page.rps}/s = ${f.vsBare} of bare ${f.bare.rps}/s (${f.page.cpuMsPerRequest} vs ${f.bare.cpuMsPerRequest} ms CPU/request)`)
    .join(", ");
  const login = result.pages["/login"];
  return (
    `public pages: ${rates}; /login ${login && login.vsBare >= 0.8 ? "pass" : "fail"} (≥0.8); ` +
    `/login JS ${result.loginJs.gzipKb} kB gzip = bare ${result.bareJs.gzipKb} + ${result.loginJsOverBareKb}`
  );
}
