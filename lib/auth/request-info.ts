import "server-only";
import { headers } from "next/headers";

export interface RequestInfo {
  userAgent: string;
  ip: string | null;
  /** Served over HTTPS (directly or behind a proxy that says so). */
  secure: boolean;
}

/**
 * Facts about the current request for the session registry and audit log.
 * The IP is the first X-Forwarded-For entry, which `next start` sets from the
 * socket; behind a proxy it is whatever the proxy passes on. It is recorded
 * for display only, never used to decide anything.
 */
export async function currentRequestInfo(): Promise<RequestInfo> {
  const list = await headers();
  const forwardedFor = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  const configuredUrl = process.env.AUTH_URL ?? "";
  return {
    userAgent: list.get("user-agent") ?? "",
    ip: forwardedFor || list.get("x-real-ip") || null,
    secure: configuredUrl.startsWith("https:") || list.get("x-forwarded-proto") === "https",
  };
}
