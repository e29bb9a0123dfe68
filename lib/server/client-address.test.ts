import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustProxy } from "@/lib/server/client-address.mjs";

const FORMS = /^TRUST_PROXY must be "true" \(one proxy in front\), "false", the number of proxies in front \(e\.g\. 2\), or a comma-separated list of the proxies' addresses/;

describe("TRUST_PROXY", () => {
  it("trusts no proxy when unset, empty or false", () => {
    for (const value of [undefined, "", "  ", "false"]) expect(parseTrustProxy(value)).toEqual({ kind: "none" });
  });

  it("reads true as one proxy and a number as that many", () => {
    expect(parseTrustProxy("true")).toEqual({ kind: "hops", hops: 1 });
    expect(parseTrustProxy(" 2 ")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy("32")).toEqual({ kind: "hops", hops: 32 });
  });

  it("reads a list of addresses and CIDR ranges, IPv4 and IPv6", () => {
    const trust = parseTrustProxy("10.0.0.1, 192.168.0.0/16,fd00::/8 , ::1");
    expect(trust.kind).toBe("addresses");
  });

  it.each(["yes", "TRUE", "0", "33", "-1", "1.5", "10.0.0.1,", "10.0.0.1,proxy.example.com", "10.0.0.0/33", "10.0.0.0/8/1", "fd00::/129", "10.0.0.0/x"])(
    "refuses %j with a message naming the accepted forms",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(FORMS);
    },
  );
});

describe("the client address", () => {
  const none = parseTrustProxy("false");

  it("is the socket's without TRUST_PROXY, whatever the header says", () => {
    expect(clientAddress(none, "203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(clientAddress(none, "203.0.113.9", undefined)).toBe("203.0.113.9");
  });

  it("is an IPv4 client's plain address on a dual-stack socket", () => {
    expect(clientAddress(none, "::ffff:203.0.113.9", undefined)).toBe("203.0.113.9");
    expect(clientAddress(none, "2001:db8::1", undefined)).toBe("2001:db8::1");
  });

  it("is null only when the socket has no address", () => {
    expect(clientAddress(none, undefined, "198.51.100.1")).toBeNull();
  });

  it("is the header's last entry behind one proxy (true)", () => {
    const one = parseTrustProxy("true");
    expect(clientAddress(one, "10.0.0.1", "198.51.100.1")).toBe("198.51.100.1");
    // The client wrote the first entry itself; the proxy appended the real one.
    expect(clientAddress(one, "10.0.0.1", "192.0.2.66, 198.51.100.1")).toBe("198.51.100.1");
    expect(clientAddress(one, "10.0.0.1", ["192.0.2.66", "198.51.100.1"])).toBe("198.51.100.1");
  });

  it("is the socket's behind a proxy that sent no header", () => {
    expect(clientAddress(parseTrustProxy("true"), "10.0.0.1", undefined)).toBe("10.0.0.1");
    expect(clientAddress(parseTrustProxy("true"), "10.0.0.1", " ")).toBe("10.0.0.1");
  });

  it("is the nth entry from the right behind n proxies", () => {
    const two = parseTrustProxy("2");
    expect(clientAddress(two, "10.0.0.2", "192.0.2.66, 198.51.100.1, 10.0.0.1")).toBe("198.51.100.1");
    // Fewer entries than proxies: the furthest one there is.
    expect(clientAddress(two, "10.0.0.2", "198.51.100.1")).toBe("198.51.100.1");
  });

  it("skips listed proxies from the right and takes the first address that is not one", () => {
    const listed = parseTrustProxy("10.0.0.0/8, 2001:db8::10");
    expect(clientAddress(listed, "10.0.0.2", "192.0.2.66, 198.51.100.1, 10.1.2.3")).toBe("198.51.100.1");
    expect(clientAddress(listed, "::ffff:10.0.0.2", "198.51.100.1")).toBe("198.51.100.1");
    expect(clientAddress(listed, "2001:db8::10", "2001:db8::99")).toBe("2001:db8::99");
    // A request that did not come through a listed proxy: its header is the client's own.
    expect(clientAddress(listed, "203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    // Every entry a proxy: the furthest.
    expect(clientAddress(listed, "10.0.0.2", "10.0.0.3, 10.0.0.4")).toBe("10.0.0.3");
  });

  it("never takes an entry that is not an address: the walk stops before it", () => {
    const two = parseTrustProxy("2");
    expect(clientAddress(two, "10.0.0.2", "198.51.100.1, unknown")).toBe("10.0.0.2");
    expect(clientAddress(parseTrustProxy("true"), "10.0.0.1", `x${"1".repeat(300)}`)).toBe("10.0.0.1");
  });
});
