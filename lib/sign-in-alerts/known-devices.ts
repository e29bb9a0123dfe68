import "server-only";
import { db } from "@/lib/db";
import { DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/sign-in-alerts/device-cookie";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Devices not seen for longer than their cookie lives are gone from every browser: removed. */
export async function pruneKnownDevices(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - (DEVICE_COOKIE_MAX_AGE_SECONDS * 1000 + DAY_MS));
  const { count } = await db.knownDevice.deleteMany({ where: { lastSeenAt: { lt: cutoff } } });
  return count;
}
