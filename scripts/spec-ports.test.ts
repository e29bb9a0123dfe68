import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Specs that start servers of their own take ports at fixed offsets from the
// suite's (e2e/support/servers.ts specPort). Two spec files on one offset
// collide when the two workers run them at once (EADDRINUSE): each offset
// belongs to one spec file.
const root = path.resolve(import.meta.dirname, "..");

function specFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return specFiles(file);
    return entry.name.endsWith(".spec.ts") ? [file] : [];
  });
}

describe("ports of the e2e specs' own servers", () => {
  it("gives each offset to one spec file", () => {
    const owners = new Map<number, Set<string>>();
    // The suite's own servers besides the app: the mail sink (+1) and the OIDC provider (+100).
    const suiteServers = ["mail-settings.ts", "oidc-settings.ts"].map((name) => path.join(root, "e2e", "support", name));
    for (const file of [...specFiles(path.join(root, "e2e")), ...suiteServers]) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/specPort\((\d+)\)|APP_PORT \+ (\d+)/g)) {
        const offset = Number(match[1] ?? match[2]);
        if (!owners.has(offset)) owners.set(offset, new Set());
        owners.get(offset)?.add(path.relative(root, file));
      }
    }
    const shared = [...owners].filter(([, files]) => files.size > 1).map(([offset, files]) => `${offset}: ${[...files].join(", ")}`);
    expect(shared).toEqual([]);
    expect(owners.size).toBeGreaterThan(5);
  });
});
