import { readFileSync } from "node:fs";
import path from "node:path";
import { buildDirectoryName } from "@/lib/settings/runtime-settings.mjs";

/**
 * A prerendered public page as middleware answers it: the HTML that the
 * build's postbuild step (scripts/static-twins.mjs) copied out of Next.js's
 * output into <distDir>/static-twins/, and the script sources it recorded
 * for it (the sha256 of each inline script, the integrity hash of each
 * external one). Served from that copy, never from Next.js's cache: the
 * bytes a browser gets are the bytes that were hashed, whatever the cache
 * does (a revalidatePath("/", "layout") has Next.js render a prerendered
 * page again at run time, with other inline scripts and no integrity on its
 * page chunks, which a policy of the build's hashes refuses). Null when the
 * build has no record of the page (a development server, a `next build`
 * without its postbuild step): the page is then rendered per request with a
 * nonce. Read once per process: a build replaces the server. Node only.
 */
export interface StaticTwin {
  html: string;
  scriptSources: string[];
  /** The "Sign in with …" buttons it shows (providerButtonsSignature), "" for none. */
  signInProviders: string;
}

interface TwinManifest {
  pages: Record<string, { file: string; scriptSources: string[]; signInProviders?: string }>;
}

let twins: Map<string, StaticTwin> | undefined;

export function staticTwin(twinPath: string): StaticTwin | null {
  twins ??= loadTwins(path.join(process.cwd(), buildDirectoryName(), "static-twins"));
  return twins.get(twinPath) ?? null;
}

function loadTwins(directory: string): Map<string, StaticTwin> {
  const loaded = new Map<string, StaticTwin>();
  let manifest: TwinManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(directory, "manifest.json"), "utf8")) as TwinManifest;
  } catch {
    return loaded;
  }
  for (const [twinPath, { file, scriptSources, signInProviders = "" }] of Object.entries(manifest.pages)) {
    loaded.set(twinPath, { html: readFileSync(path.join(directory, file), "utf8"), scriptSources, signInProviders });
  }
  return loaded;
}
