import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, URL-safe: session ids and browser keys. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Browser keys are stored hashed, so a database leak does not yield usable cookies. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}
