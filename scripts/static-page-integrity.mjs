#!/usr/bin/env node
// `npm run build`'s second step (package.json "postbuild"; scripts/test-all.mjs
// and scripts/bench.mjs run it after their own `next build`): gives every
// external <script> of the prerendered public pages (app/static/) the
// integrity attribute Next.js's experimental.sri leaves off.
//
// Next.js puts integrity on its framework scripts, but the chunks of a page's
// layouts and page are rendered by React from the RSC payload, without it.
// A prerendered page has no nonce: its policy allows scripts by hash
// (lib/security/static-page-hashes.ts), and a browser can match an external
// script to a hash only through its integrity attribute. The hashes come
// from the build's own subresource-integrity manifest, so the browser also
// checks each chunk against them. Middleware serves a page whose external
// scripts are not all covered rendered per request with a nonce instead, so
// a build without this step still works, only slower.
import fs from "node:fs";
import path from "node:path";

export function addStaticPageIntegrity(distDir) {
  const manifestFile = path.join(distDir, "server", "subresource-integrity-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  const pagesDir = path.join(distDir, "server", "app", "static");
  const pages = fs.existsSync(pagesDir) ? fs.readdirSync(pagesDir).filter((name) => name.endsWith(".html")) : [];
  const missing = [];
  for (const name of pages) {
    const file = path.join(pagesDir, name);
    const html = fs.readFileSync(file, "utf8").replace(/<script\b([^>]*)>/gi, (tag, attributes) => {
      const src = /\ssrc="\/_next\/([^"?#]+)"/.exec(attributes)?.[1];
      if (!src || /\sintegrity=/.test(attributes)) return tag;
      const integrity = manifest[src];
      if (!integrity) {
        missing.push(`${name}: ${src}`);
        return tag;
      }
      return `<script${attributes} integrity="${integrity}">`;
    });
    fs.writeFileSync(file, html);
  }
  return { pages: pages.length, missing };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = path.resolve(process.argv[2] ?? ".next");
  const { pages, missing } = addStaticPageIntegrity(distDir);
  for (const entry of missing) console.warn(`static-page-integrity: no integrity hash for ${entry} (served with a nonce)`);
  console.log(`static-page-integrity: ${pages} prerendered public page(s) in ${path.relative(process.cwd(), distDir) || "."}`);
}
