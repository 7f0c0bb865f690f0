import ipaddr from "ipaddr.js";

/*
 * Where the peer's address comes from under `next start` (Next 16.4): the route handler's NextRequest has no socket
 * and no `ip`. Next's base server only *fills in* X-Forwarded-For when the request has none
 * (`req.headers['x-forwarded-for'] ??= originalRequest?.socket?.remoteAddress`, src/server/base-server.ts:1109,
 * node_modules/next/dist/server/base-server.js:604). It never appends the socket address to a header the client
 * sent, so inside a handler X-Forwarded-For is either the socket address or whatever the client (or a proxy) wrote,
 * and the two cannot be told apart. `remoteAddress` must therefore come from the socket itself, recorded by code
 * that sees it, not from X-Forwarded-For.
 */

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
type IpRange = [IpAddress, number];

/** What clientAddress answers when the peer's address is unknown: all such requests share one rate-limit key. */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

export class InvalidTrustedProxyError extends Error {
  constructor(readonly entry: string) {
    super(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.7, 10.0.0.0/8, fd00::/8)`);
    this.name = "InvalidTrustedProxyError";
  }
}

/**
 * The address of the client a request is for. X-Forwarded-For is believed only when the direct peer
 * (`remoteAddress`, from the socket) is a trusted proxy; then the answer is the right-most address in it that is
 * not itself a trusted proxy, since everything to its left was written by the client and may be forged. When every
 * hop is trusted the left-most is the answer; an unreadable hop stops the walk at the last address a trusted proxy
 * vouched for. Addresses are canonical: IPv4-mapped IPv6 as IPv4, IPv6 compressed lower-case (RFC 5952), no zone.
 */
export function clientAddress(headers: Headers, remoteAddress: string | undefined, trustedProxies: string[]): string {
  const peer = remoteAddress === undefined ? undefined : parseIpAddress(remoteAddress);
  if (!peer) return UNKNOWN_CLIENT_ADDRESS;
  const ranges = trustedProxies.map(parseTrustedRange);
  const isTrusted = (address: IpAddress) =>
    ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
  if (!isTrusted(peer)) return formatIpAddress(peer);

  const forwardedFor = headers.get("x-forwarded-for");
  if (!forwardedFor) return formatIpAddress(peer);
  let nearest = peer;
  const hops = forwardedFor.split(",");
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = parseForwardedHop(hops[index]);
    if (!hop) break;
    if (!isTrusted(hop)) return formatIpAddress(hop);
    nearest = hop;
  }
  return formatIpAddress(nearest);
}

/**
 * TRUSTED_PROXIES: IP addresses and CIDR ranges, IPv4 or IPv6, separated by commas and/or spaces; unset or empty
 * means no proxy is trusted. Returns the entries in canonical form; throws InvalidTrustedProxyError naming the first
 * bad entry.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const [network, bits] = parseTrustedRange(entry);
      const isSingleAddress = bits === (network.kind() === "ipv4" ? 32 : 128);
      return isSingleAddress ? formatIpAddress(network) : `${formatIpAddress(network)}/${bits}`;
    });
}

/** A strictly written IP address (dotted-quad IPv4, or IPv6), IPv4-mapped IPv6 turned into IPv4; else undefined. */
export function parseIpAddress(value: string): IpAddress | undefined {
  const text = value.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return undefined;
  const address = ipaddr.IPv6.parse(text);
  // Drops a zone id (fe80::1%eth0): one host, whichever interface it came in on.
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : new ipaddr.IPv6(address.parts);
}

export function formatIpAddress(address: IpAddress): string {
  return address.kind() === "ipv4" ? address.toString() : (address as ipaddr.IPv6).toRFC5952String();
}

/** One X-Forwarded-For entry: an address, also accepted with a port (`1.2.3.4:5678`, `[2001:db8::1]:443`). */
function parseForwardedHop(hop: string): IpAddress | undefined {
  const text = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) return parseIpAddress(bracketed[1]);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return parseIpAddress(withPort ? withPort[1] : text);
}

function parseTrustedRange(entry: string): IpRange {
  const slash = entry.indexOf("/");
  const addressText = slash === -1 ? entry : entry.slice(0, slash);
  const bitsText = slash === -1 ? undefined : entry.slice(slash + 1);
  const text = addressText.trim();
  const address: IpAddress | undefined = ipaddr.IPv4.isValidFourPartDecimal(text)
    ? ipaddr.IPv4.parse(text)
    : ipaddr.IPv6.isValid(text) && !text.includes("%")
      ? ipaddr.IPv6.parse(text)
      : undefined;
  const maxBits = address?.kind() === "ipv4" ? 32 : 128;
  const bits = bitsText === undefined ? maxBits : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (!address || !(bits >= 0 && bits <= maxBits)) throw new InvalidTrustedProxyError(entry);

  // ::ffff:10.0.0.0/104 is 10.0.0.0/8: compare like with like, as addresses are read as IPv4 when mapped.
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [networkOf((address as ipaddr.IPv6).toIPv4Address(), bits - 96), bits - 96];
  }
  return [networkOf(address, bits), bits];
}

/** The range's first address (10.1.2.3/8 → 10.0.0.0), so an entry with host bits set still means its network. */
function networkOf(address: IpAddress, bits: number): IpAddress {
  const bytes = address.toByteArray().map((byte, index) => {
    const keep = Math.min(8, Math.max(0, bits - index * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  return ipaddr.fromByteArray(bytes);
}
