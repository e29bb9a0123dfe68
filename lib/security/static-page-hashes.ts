import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The script sources a prerendered page needs under a hash-based policy, read
 * from the HTML that `next build` wrote for it (the very file the server
 * answers with): the sha256 of every inline script (the App Router's bootstrap
 * and its RSC payload chunks, fixed at build) and the integrity hash of every
 * external one (experimental.sri in next.config.ts). Null when the page has
 * no prerendered HTML (a development server, an unbuilt twin): middleware then
 * renders the page per request with a nonce instead. Read once per page and
 * process: a build replaces the server. Node only (middleware runs on Node).
 */
const cache = new Map<string, string[] | null>();

export function staticPageScriptHashes(twinPath: string): string[] | null {
  if (!cache.has(twinPath)) cache.set(twinPath, readHashes(twinPath));
  return cache.get(twinPath) ?? null;
}

// Inlined at build (next.config.ts `env`): the benchmark build has its own output directory.
const distDir = process.env.LATCHKEY_BENCH === "1" ? ".next-bench" : ".next";

function readHashes(twinPath: string): string[] | null {
  let html: string;
  try {
    html = readFileSync(path.join(process.cwd(), distDir, "server", "app", `${twinPath}.html`), "utf8");
  } catch {
    return null;
  }
  return scriptHashesOf(html);
}

/** Null when an external script carries no integrity hash: the policy could not allow it. */
export function scriptHashesOf(html: string): string[] | null {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(attributes)) {
      const integrity = /\sintegrity="(sha(?:256|384|512)-[A-Za-z0-9+/=]+)"/i.exec(attributes)?.[1];
      if (!integrity) return null;
      hashes.add(`'${integrity}'`);
    } else if (body.length > 0) {
      hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
    }
  }
  return [...hashes];
}
