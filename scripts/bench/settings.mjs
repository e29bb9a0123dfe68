// The benchmark's settings (BENCH_DURATION, BENCH_ONLY, BCRYPT_COST) and the
// environment of its build and servers: one fresh SQLite database per run.
import crypto from "node:crypto";
import path from "node:path";
import { root } from "./processes.mjs";

export const duration = Number(process.env.BENCH_DURATION ?? 10);
export const onlyDashboard = process.env.BENCH_ONLY === "dashboard";
export const onlyPublic = process.env.BENCH_ONLY === "public";
export const connections = 8;
export const LIGHTHOUSE_PAGES = ["/", "/login", "/register"];
export const cost = Number(process.env.BCRYPT_COST ?? 12);
export const userAgent = "Mozilla/5.0 (X11; Linux x86_64) latchkey-bench/1.0";
export const email = "bench@example.com";
export const password = "bench passphrase that is long enough";
export const distDir = path.join(root, ".next-bench");
const stamp = Date.now();
export const dbFile = path.join("data", `bench-${stamp}.db`);

export const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  LATCHKEY_BENCH: "1",
  AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
  DATABASE_URL: `file:./${dbFile}`,
  BCRYPT_COST: String(cost),
  // Every "Sign in with …" button on /login and /register, so their JavaScript
  // and Lighthouse figures include them. Rendering a button contacts no provider.
  AUTH_GITHUB_ID: "bench",
  AUTH_GITHUB_SECRET: "bench",
  AUTH_GOOGLE_ID: "bench",
  AUTH_GOOGLE_SECRET: "bench",
  AUTH_MICROSOFT_ENTRA_ID_ID: "bench",
  AUTH_MICROSOFT_ENTRA_ID_SECRET: "bench",
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
  AUTH_OIDC_ISSUER: "https://sso.example.com",
  AUTH_OIDC_ID: "bench",
  AUTH_OIDC_SECRET: "bench",
};
