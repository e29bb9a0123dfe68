import { describeDevice } from "@/lib/request/describe-device";

/**
 * "Chrome on Linux, 203.0.113.7": where something was done from, for the
 * review page and the mails. Rows made before this was recorded have neither.
 */
export function describeOrigin(ip: string | null, userAgent: string | null): string {
  if (!ip && !userAgent) return "an unknown place (not recorded)";
  const device = userAgent ? describeDevice(userAgent) : "Unknown device";
  return `${device}, ${ip ?? "unknown IP address"}`;
}
