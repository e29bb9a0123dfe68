import net from "node:net";

export const TRUST_PROXY_FORMS =
  '"true" (one proxy in front), "false", the number of proxies in front (e.g. 2), ' +
  "or a comma-separated list of the proxies' addresses (e.g. 10.0.0.1,10.0.0.2 or 10.0.0.0/8)";

const MAX_HOPS = 32;

/**
 * @typedef {{ kind: "none" } | { kind: "hops", hops: number } | { kind: "addresses", proxies: net.BlockList }} ProxyTrust
 */

/**
 * TRUST_PROXY, as Express's `trust proxy` reads a number or a list: which
 * entries of X-Forwarded-For were written by proxies of ours. Unset, empty
 * or "false": none (the socket's address is the client); "true": one proxy,
 * so the header's last entry is the client; a number n: n proxies, the
 * client is the nth entry from the right; a list of addresses or CIDR
 * ranges: entries from the right that are listed are proxies, the first
 * one that is not is the client.
 * @param {string | undefined} value
 * @returns {ProxyTrust}
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "false") return { kind: "none" };
  if (text === "true") return { kind: "hops", hops: 1 };
  const refuse = () => new Error(`TRUST_PROXY must be ${TRUST_PROXY_FORMS}, not "${text}"`);
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_HOPS) throw refuse();
    return { kind: "hops", hops };
  }
  const proxies = new net.BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    if (!addProxy(proxies, entry)) throw refuse();
  }
  return { kind: "addresses", proxies };
}

/** @param {net.BlockList} proxies @param {string} entry an address or a CIDR range */
function addProxy(proxies, entry) {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefix === undefined) {
    proxies.addAddress(address, type);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return false;
  proxies.addSubnet(address, bits, type);
  return true;
}

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d: the same client as a.b.c.d. */
function normalized(address) {
  const text = address.trim();
  return text.toLowerCase().startsWith("::ffff:") && net.isIPv4(text.slice(7)) ? text.slice(7) : text;
}

/**
 * The client's address for one request: the socket's, unless TRUST_PROXY
 * says the socket is a proxy of ours; then X-Forwarded-For is walked from the
 * right, one trusted hop at a time. An entry that is not an address ends the
 * walk (the nearest address before it is used), so a malformed header can
 * never become a throttle key. Null only when the socket has no address.
 * @param {ProxyTrust} trust
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @returns {string | null}
 */
export function clientAddress(trust, socketAddress, forwardedFor) {
  if (!socketAddress) return null;
  const socket = normalized(socketAddress);
  if (trust.kind === "none") return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // Nearest first: the socket, then the header's entries from the right.
  const chain = [socket, ...header.split(",").map(normalized).filter(Boolean).reverse()];
  let hop = 0;
  while (hop + 1 < chain.length && net.isIP(chain[hop + 1]) !== 0 && isProxy(trust, hop, chain[hop])) hop += 1;
  return chain[hop];
}

/** @param {ProxyTrust} trust @param {number} hop @param {string} address */
function isProxy(trust, hop, address) {
  if (trust.kind === "hops") return hop < trust.hops;
  if (trust.kind === "addresses") return trust.proxies.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
  return false;
}
