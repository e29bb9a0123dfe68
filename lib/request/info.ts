import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";
import { isSecureRequest } from "@/lib/request/secure";

export interface RequestInfo {
  userAgent: string;
  ip: string | null;
  /** Served over HTTPS (directly or behind a proxy that says so). */
  secure: boolean;
}

/**
 * Facts about the current request for sessions, throttling and the audit log.
 *
 * The client address: `npm start` (scripts/start.mjs) replaces
 * X-Forwarded-For with the one address it decided on (the socket's, or with
 * TRUST_PROXY the client its proxies name), so the header is whole and
 * trustworthy here. Under `next dev` it is whatever the client sent (else
 * the socket's address); its last entry is taken, as a proxy appends there.
 */
export async function currentRequestInfo(): Promise<RequestInfo> {
  const list = await headers();
  const ip = (list.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim().slice(0, 100);
  return {
    userAgent: (list.get("user-agent") ?? "").slice(0, 512),
    ip: ip || null,
    secure: isSecureRequest(list.get("x-forwarded-proto"), serverEnv.appOrigin),
  };
}
