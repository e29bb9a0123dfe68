import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";

export interface RequestInfo {
  userAgent: string;
  ip: string | null;
  /** Served over HTTPS (directly or behind a proxy that says so). */
  secure: boolean;
}

/**
 * Facts about the current request for sessions, throttling and the audit log.
 *
 * The client address: `next start` puts the socket address in
 * X-Forwarded-For, but only when the request has none, so a client can write
 * that header itself. With TRUST_PROXY=true (behind a proxy that appends the
 * address it sees) the last entry is the client. Without it, the header is
 * taken whole, as the key of the per-address counters: a client that forges
 * it can dodge those, never the per-account ones.
 */
export async function currentRequestInfo(): Promise<RequestInfo> {
  const list = await headers();
  const forwardedFor = list.get("x-forwarded-for")?.trim() ?? "";
  const ip = serverEnv.trustProxy ? forwardedFor.split(",").at(-1)?.trim() : forwardedFor.slice(0, 200);
  const configuredUrl = process.env.AUTH_URL ?? "";
  return {
    userAgent: (list.get("user-agent") ?? "").slice(0, 512),
    ip: ip || null,
    secure: configuredUrl.startsWith("https:") || list.get("x-forwarded-proto") === "https",
  };
}
