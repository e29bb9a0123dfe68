#!/usr/bin/env node
// `npm run build`'s second step (package.json "postbuild"; scripts/test-all.mjs
// and the benchmark's build run it after their own `next build`): records the
// prerendered public pages (app/static/) for middleware to serve
// (lib/request/static-twins.ts), in <distDir>/static-twins/: each page's HTML
// with an integrity attribute on every external script, and in manifest.json
// the script sources of its policy, the sha256 of each inline script and the
// integrity hash of each external one.
//
// A copy of its own, not Next.js's file: Next.js serves a prerendered page
// from its cache, and renders it again at run time when the page is
// revalidated (revalidatePath("/", "layout") after a name change reaches
// every page): that rendering has other inline scripts and no integrity on
// its page chunks, so a policy of the build's hashes would refuse them and
// the page would not hydrate. Middleware answers with these bytes, which
// nothing changes while the server runs.
//
// Next.js's experimental.sri puts integrity on its framework scripts, but
// the chunks of a page's layouts and page are rendered by React from the RSC
// payload without it; a browser matches an external script to a hash only
// through that attribute. Each hash is the chunk file's own, checked against
// the SRI manifest's. A page whose scripts cannot all be covered is left out
// (middleware renders it per request with a nonce) and named here.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const sha256 = (content) => `sha256-${createHash("sha256").update(content).digest("base64")}`;

/**
 * The page with integrity on each external script (integrityOf(src) gives it
 * for a /_next/ path, or null) and the script sources a policy needs for it;
 * `missing` names the scripts it could not cover.
 */
export function twinOf(html, integrityOf) {
  const scriptSources = new Set();
  const missing = [];
  const page = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attributes, body) => {
    const src = /\ssrc="([^"]*)"/i.exec(attributes)?.[1];
    if (src === undefined) {
      if (body.length > 0) scriptSources.add(`'${sha256(body)}'`);
      return tag;
    }
    const given = /\sintegrity="([^"]*)"/i.exec(attributes)?.[1];
    const integrity = src.startsWith("/_next/") ? integrityOf(src.split(/[?#]/)[0].slice("/_next/".length)) : null;
    if (!integrity || (given && given !== integrity)) {
      missing.push(src);
      return tag;
    }
    scriptSources.add(`'${integrity}'`);
    return given ? tag : `<script${attributes} integrity="${integrity}">${body}</script>`;
  });
  const signInProviders = /\sdata-sign-in-providers="([0-9a-f]*)"/.exec(html)?.[1] ?? "";
  return { html: page, scriptSources: [...scriptSources], signInProviders, missing };
}

export function recordStaticTwins(distDir) {
  const pagesDir = path.join(distDir, "server", "app", "static");
  const outDir = path.join(distDir, "static-twins");
  const manifestFile = path.join(distDir, "server", "subresource-integrity-manifest.json");
  const sri = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, "utf8")) : {};
  const integrityOf = (file) => {
    const onDisk = path.join(distDir, file);
    if (!fs.existsSync(onDisk)) return null;
    const integrity = sha256(fs.readFileSync(onDisk));
    return sri[file] === undefined || sri[file] === integrity ? integrity : null;
  };
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const pages = {};
  const missing = [];
  const names = fs.existsSync(pagesDir) ? fs.readdirSync(pagesDir).filter((name) => name.endsWith(".html")) : [];
  for (const name of names) {
    const twin = twinOf(fs.readFileSync(path.join(pagesDir, name), "utf8"), integrityOf);
    if (twin.missing.length > 0) {
      missing.push(...twin.missing.map((src) => `${name}: ${src}`));
      continue;
    }
    fs.writeFileSync(path.join(outDir, name), twin.html);
    pages[`/static/${name.slice(0, -".html".length)}`] = { file: name, scriptSources: twin.scriptSources, signInProviders: twin.signInProviders };
  }
  fs.writeFileSync(path.join(outDir, "manifest.json"), `${JSON.stringify({ pages }, null, 2)}\n`);
  return { pages: Object.keys(pages), missing };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = path.resolve(process.argv[2] ?? ".next");
  const { pages, missing } = recordStaticTwins(distDir);
  for (const entry of missing) console.warn(`static-twins: no integrity for ${entry}: that page is rendered per request`);
  console.log(`static-twins: ${pages.length} prerendered public page(s) recorded in ${path.relative(process.cwd(), distDir) || "."}/static-twins`);
}
