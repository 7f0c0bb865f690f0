import { describe, expect, it } from "vitest";
import {
  clientAddress,
  InvalidTrustedProxyError,
  parseTrustedProxies,
  UNKNOWN_CLIENT_ADDRESS,
} from "@/lib/rate-limit/client-address";
import { normaliseAccountKey, normaliseIpKey } from "@/lib/rate-limit/rate-limiters";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });
const none = new Headers();

describe("clientAddress", () => {
  it("answers the peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(none, "203.0.113.9", [])).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("198.51.100.1"), "203.0.113.9", [])).toBe("203.0.113.9");
  });

  it("ignores a spoofed header from a peer that is not a trusted proxy", () => {
    const trusted = ["10.0.0.0/8"];
    expect(clientAddress(forwardedFor("1.2.3.4"), "203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("10.0.0.5, 1.2.3.4"), "203.0.113.9", trusted)).toBe("203.0.113.9");
  });

  it("believes a trusted proxy, taking the right-most address that is not a trusted proxy", () => {
    const trusted = ["10.0.0.1"];
    expect(clientAddress(forwardedFor("198.51.100.7"), "10.0.0.1", trusted)).toBe("198.51.100.7");
    // The client prepended a forged address; the proxy appended the real one.
    expect(clientAddress(forwardedFor("1.2.3.4, 198.51.100.7"), "10.0.0.1", trusted)).toBe("198.51.100.7");
  });

  it("walks a chain of trusted proxies and stops at the first untrusted hop", () => {
    const trusted = ["10.0.0.0/8", "192.0.2.10"];
    const chain = forwardedFor("6.6.6.6, 198.51.100.7, 192.0.2.10, 10.1.2.3");
    expect(clientAddress(chain, "10.0.0.1", trusted)).toBe("198.51.100.7");
    // Without trusting the outer proxy, the outer proxy is the client.
    expect(clientAddress(chain, "10.0.0.1", ["10.0.0.0/8"])).toBe("192.0.2.10");
  });

  it("answers the left-most hop when every hop is trusted, and the peer when the header is missing or empty", () => {
    const trusted = ["10.0.0.0/8"];
    expect(clientAddress(forwardedFor("10.9.9.9, 10.0.0.2"), "10.0.0.1", trusted)).toBe("10.9.9.9");
    expect(clientAddress(none, "10.0.0.1", trusted)).toBe("10.0.0.1");
    expect(clientAddress(forwardedFor(""), "10.0.0.1", trusted)).toBe("10.0.0.1");
  });

  it("stops at an unreadable hop, answering the last address a trusted proxy vouched for", () => {
    const trusted = ["10.0.0.0/8"];
    expect(clientAddress(forwardedFor("1.2.3.4, not-an-ip"), "10.0.0.1", trusted)).toBe("10.0.0.1");
    expect(clientAddress(forwardedFor("garbage, 10.0.0.2"), "10.0.0.1", trusted)).toBe("10.0.0.2");
    expect(clientAddress(forwardedFor("1.2.3.4, , 10.0.0.2"), "10.0.0.1", trusted)).toBe("10.0.0.2");
    // Lenient IPv4 spellings (127.1, octal, hex) are not addresses here.
    expect(clientAddress(forwardedFor("127.1"), "10.0.0.1", trusted)).toBe("10.0.0.1");
  });

  it("accepts hops written with a port", () => {
    expect(clientAddress(forwardedFor("198.51.100.7:51234"), "10.0.0.1", ["10.0.0.1"])).toBe("198.51.100.7");
    expect(clientAddress(forwardedFor("[2001:db8::7]:443"), "10.0.0.1", ["10.0.0.1"])).toBe("2001:db8::7");
  });

  it("handles IPv6 peers, hops and ranges, in canonical form", () => {
    const trusted = ["fd00::/8", "2001:db8:ffff::1"];
    expect(clientAddress(forwardedFor("2001:DB8:0:0:0:0:0:42"), "fd12::1", trusted)).toBe("2001:db8::42");
    expect(clientAddress(forwardedFor("2001:db8::42, 2001:db8:ffff::1"), "fd00::9", trusted)).toBe("2001:db8::42");
    expect(clientAddress(forwardedFor("2001:db8::42"), "2001:db8::99", trusted)).toBe("2001:db8::99");
    expect(clientAddress(none, "fe80::1%eth0", [])).toBe("fe80::1");
  });

  it("reads IPv4-mapped IPv6 as IPv4, for the peer, the hops and the trusted ranges", () => {
    expect(clientAddress(forwardedFor("::ffff:198.51.100.7"), "::ffff:10.0.0.1", ["10.0.0.0/8"])).toBe("198.51.100.7");
    expect(clientAddress(forwardedFor("198.51.100.7"), "10.0.0.1", ["::ffff:10.0.0.0/104"])).toBe("198.51.100.7");
    expect(clientAddress(none, "::ffff:203.0.113.9", [])).toBe("203.0.113.9");
  });

  it("matches CIDR ranges exactly at their edges", () => {
    const trusted = ["172.16.0.0/12"];
    expect(clientAddress(forwardedFor("198.51.100.7"), "172.31.255.255", trusted)).toBe("198.51.100.7");
    expect(clientAddress(forwardedFor("198.51.100.7"), "172.32.0.0", trusted)).toBe("172.32.0.0");
    expect(clientAddress(forwardedFor("198.51.100.7"), "172.15.255.255", trusted)).toBe("172.15.255.255");
  });

  it("answers a shared 'unknown' when the peer's address is missing or unreadable", () => {
    expect(clientAddress(forwardedFor("198.51.100.7"), undefined, ["10.0.0.0/8"])).toBe(UNKNOWN_CLIENT_ADDRESS);
    expect(clientAddress(none, "", [])).toBe(UNKNOWN_CLIENT_ADDRESS);
  });
});

describe("parseTrustedProxies", () => {
  it("reads addresses and ranges separated by commas or spaces, in canonical form", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies("  ")).toEqual([]);
    expect(parseTrustedProxies("10.0.0.1, 10.0.0.0/8  FD00::/8,2001:db8::1/128 10.1.2.3/8")).toEqual([
      "10.0.0.1",
      "10.0.0.0/8",
      "fd00::/8",
      "2001:db8::1",
      "10.0.0.0/8",
    ]);
    expect(parseTrustedProxies("::ffff:10.0.0.0/104")).toEqual(["10.0.0.0/8"]);
  });

  it("throws on an invalid entry, naming it", () => {
    for (const entry of ["10.0.0.0/33", "fd00::/129", "10.0.0", "127.1", "proxy.local", "10.0.0.0/", "10.0.0.0/8x"]) {
      expect(() => parseTrustedProxies(`10.0.0.1, ${entry}`), entry).toThrow(InvalidTrustedProxyError);
      expect(() => parseTrustedProxies(`10.0.0.1, ${entry}`), entry).toThrow(`"${entry}"`);
    }
  });
});

describe("rate-limit keys", () => {
  it("hashes normalised emails, so the table never holds one in clear", () => {
    const key = normaliseAccountKey("  Reader@Example.org ");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(normaliseAccountKey("reader@example.org")).toBe(key);
    expect(normaliseAccountKey("other@example.org")).not.toBe(key);
  });

  it("keys IPv4 by address and IPv6 by /64", () => {
    expect(normaliseIpKey("203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseIpKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseIpKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseIpKey("2001:db8:1:2:bbbb::2")).toBe("2001:db8:1:2::/64");
    expect(normaliseIpKey(UNKNOWN_CLIENT_ADDRESS)).toMatch(/^other:[0-9a-f]{64}$/);
  });
});
