import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { randomToken } from "@/lib/security/random-token";
import { authSecrets } from "@/lib/security/auth-secrets";

/**
 * The device cookie: a random device id (256 bits) and an HMAC-SHA-256 of it
 * under a key derived from AUTH_SECRET (HKDF, a salt of its own, so the key is
 * neither the session-token key nor the TOTP one), as "v1.<id>.<mac>". The
 * database keeps only a hash of the id (KnownDevice.deviceHash), so neither a
 * database leak nor a made-up value gives a cookie that passes as a known
 * device. New cookies use the first of authSecrets(); reading tries each, so
 * a rotation (README) forgets no device, and says when an older one signed it
 * so the next sign-in re-signs it. Pure: lib/sign-in-alerts/device.ts reads
 * and writes the cookie.
 */
const VERSION = "v1";
const SALT = "latchkey-device-cookie";
const INFO = "Latchkey device cookie signing key (HMAC-SHA-256)";
const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** About 400 days, the longest lifetime browsers keep (Chrome caps cookies there). */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export const DEVICE_COOKIES = { secure: "__Host-latchkey-device", plain: "latchkey-device" } as const;

export function deviceCookieName(secure: boolean): string {
  return secure ? DEVICE_COOKIES.secure : DEVICE_COOKIES.plain;
}

function requireSecrets(secrets: string[]): string[] {
  if (secrets.length === 0) throw new Error("AUTH_SECRET is not set: device cookies cannot be signed");
  return secrets;
}

function mac(deviceId: string, secret: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
  return createHmac("sha256", key).update(`${VERSION}.${deviceId}`, "utf8").digest();
}

export function newDeviceId(): string {
  return randomToken();
}

export function signDeviceCookie(deviceId: string, secrets: string[] = authSecrets()): string {
  const [current] = requireSecrets(secrets);
  return `${VERSION}.${deviceId}.${mac(deviceId, current as string).toString("base64url")}`;
}

export interface VerifiedDevice {
  deviceId: string;
  /** Signed with an older secret than the current one: sign it again. */
  stale: boolean;
}

/** The device id, or null for a missing, malformed, forged or unsigned-by-us cookie. */
export function verifyDeviceCookie(value: string | null | undefined, secrets: string[] = authSecrets()): VerifiedDevice | null {
  if (!value || value.length > 200) return null;
  const [version, deviceId, macText, ...rest] = value.split(".");
  if (version !== VERSION || !deviceId || !macText || rest.length > 0 || !ID_SHAPE.test(deviceId)) return null;
  // Compared as text: base64url decoding ignores the last character's spare bits, so one MAC has several spellings.
  const given = Buffer.from(macText, "utf8");
  for (const [index, secret] of requireSecrets(secrets).entries()) {
    const expected = Buffer.from(mac(deviceId, secret).toString("base64url"), "utf8");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { deviceId, stale: index > 0 };
  }
  return null;
}
