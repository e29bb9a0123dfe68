import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, URL-safe: every random secret the app hands out (session ids, browser keys, mailed tokens, API keys). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Secrets are stored hashed, so a database leak yields no usable cookie, link or key. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}
