import type { BlockList } from "node:net";
export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; proxies: BlockList };
export const TRUST_PROXY_FORMS: string;
export function parseTrustProxy(value: string | undefined): ProxyTrust;
export function clientAddress(trust: ProxyTrust, socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string | null;
