import { Secret, TOTP } from "otpauth";
import { normalizeTotpCode } from "@/lib/validation/code-formats";

/**
 * RFC 6238 codes as every authenticator app makes them: HMAC-SHA-1, 6
 * digits, 30-second steps. A code of the step before or after the current
 * one is accepted too, for clocks that drift and codes typed near a step's
 * end; replay protection (lib/two-factor/replay.ts) keeps each step usable once.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const WINDOW_STEPS = 1;

/** 160 random bits, the size RFC 4226 recommends, as base32. */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, issuer: string, accountName: string): TOTP {
  return new TOTP({
    issuer,
    label: accountName,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, issuer: string, accountName: string): string {
  return totpFor(secretBase32, issuer, accountName).toString();
}

/** The time step a moment falls in. */
export function timeStepAt(timestampMs: number): number {
  return Math.floor(timestampMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is, within one step of `timestampMs`, or
 * null when it matches none. The caller must still claim the step
 * (lib/two-factor/replay.ts) before treating the code as accepted.
 */
export function matchTotpStep(secretBase32: string, code: string, timestampMs: number): number | null {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, "", "").validate({ token, timestamp: timestampMs, window: WINDOW_STEPS });
  return delta === null ? null : timeStepAt(timestampMs) + delta;
}

/** "JBSW Y3DP EHPK 3PXP …": the setup key in groups of four, for typing it in. */
export function formatSetupKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, "$1 ");
}
