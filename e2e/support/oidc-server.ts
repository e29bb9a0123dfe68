import { spawn } from "node:child_process";
import path from "node:path";

export interface OidcClient {
  id: string;
  secret: string;
  redirectUris: string[];
}

export interface OidcProviderProcess {
  issuer: string;
  close(): Promise<void>;
}

/** Starts e2e/support/oidc-provider.mjs and waits until it listens; close() stops it by its PID. */
export async function startOidcProvider(port: number, clients: OidcClient[], issuer?: string): Promise<OidcProviderProcess> {
  // Relative to the project directory, where the test runner runs (as servers.ts starts scripts/start.mjs).
  const script = path.resolve("e2e/support/oidc-provider.mjs");
  const child = spawn(process.execPath, [script, JSON.stringify({ port, clients, issuer })], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start:\n${output}`)), 15_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC provider exited with ${code}:\n${output}`));
    });
  });
  return {
    issuer: issuer ?? `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
