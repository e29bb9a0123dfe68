// The public pages against a bare static page of the same build (the
// benchmark-only /bench/static, prerendered, in the app's root layout, served
// by Next.js as a static page), behind the same middleware and the same entry
// (scripts/start.mjs): requests per second and server CPU per request, each
// page alternated with the bare page in one phase, then first-load
// JavaScript. Prerendered only without "Sign in with …" providers (their
// buttons are the running server's configuration), so the phase runs on a
// server of its own without them, the same build and database; /login on
// the providers' server is measured too, as the page rendered per request.
import { alternate, cannon, settle } from "./load.mjs";
import { firstLoadJs, lighthouseScores } from "./pages.mjs";
import { freePort, log, round, startServer } from "./processes.mjs";
import { duration, env } from "./settings.mjs";

export const PUBLIC_PAGES = ["/login", "/", "/register"];
const BARE = "/bench/static";

function withoutProviders(environment) {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !/^AUTH_(GITHUB|GOOGLE|MICROSOFT_ENTRA_ID|OIDC)_/.test(name)));
}

async function pageAgainstBare(base, pid, page) {
  const [figure, bare] = await alternate(pid, [{ url: `${base}${page}` }, 200], [{ url: `${base}${BARE}` }, 200]);
  return {
    page: figure,
    bare,
    vsBare: round(figure.rps / bare.rps, 3),
    vsBareByCpu: round(bare.cpuMsPerRequest / figure.cpuMsPerRequest, 3),
  };
}

/** `servers`: bench's one-process server (providers configured), for /login rendered per request. */
export async function measurePublicPages(servers, figures) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`npm start on ${base} (one process, no sign-in providers: the public pages prerendered)`);
  const server = await startServer(port, { env: withoutProviders(env) });
  try {
    const pid = server.pid;
    const warm = { duration: Math.min(2, duration) };
    for (const page of [...PUBLIC_PAGES, BARE]) await cannon({ ...warm, url: `${base}${page}` }, 200);
    await settle(base);
    const pages = {};
    for (const page of PUBLIC_PAGES) {
      log(`${page} signed out against the bare static page, alternated`);
      pages[page] = await pageAgainstBare(base, pid, page);
    }
    log("/login rendered per request (providers configured) against the same server's bare static page");
    await cannon({ ...warm, url: `${servers.base}${BARE}` }, 200);
    const perRequest = await pageAgainstBare(servers.base, servers.server.pid, "/login");
    const loginJs = await firstLoadJs(base, "/login");
    const bareJs = await firstLoadJs(base, BARE);
    log("lighthouse: the prerendered /, /login, /register");
    const lighthouse = await lighthouseScores(base, PUBLIC_PAGES);
    figures.publicPages = { pages, loginPerRequest: perRequest, loginJs, bareJs, loginJsOverBareKb: round(loginJs.gzipKb - bareJs.gzipKb), lighthouse };
  } finally {
    await server.stop();
  }
}

/** One line: each page's share of the bare page's rate (target ≥ 0.8), and /login's JS over the bare page's. */
export function publicPagesSummary(result) {
  const rates = Object.entries(result.pages)
    .map(([page, f]) => `${page} ${f.page.rps}/s = ${f.vsBare} of bare ${f.bare.rps}/s (${f.page.cpuMsPerRequest} vs ${f.bare.cpuMsPerRequest} ms CPU/request)`)
    .join(", ");
  const verdict = Object.values(result.pages).every((f) => f.vsBare >= 0.8) ? "pass" : "fail";
  const dynamic = result.loginPerRequest;
  return (
    `public pages: ${rates} — ${verdict} (≥0.8); /login per request (providers configured) ${dynamic.page.rps}/s = ${dynamic.vsBare} of bare; ` +
    `/login JS ${result.loginJs.gzipKb} kB gzip = bare ${result.bareJs.gzipKb} + ${result.loginJsOverBareKb} (≤+10); ` +
    `Lighthouse prerendered ${Object.entries(result.lighthouse)
      .map(([page, score]) => `${page} ${score.performance}/${score.accessibility}`)
      .join(", ")} (≥95/100)`
  );
}
