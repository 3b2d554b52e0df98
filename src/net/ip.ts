import ipaddr from 'ipaddr.js';

export type Family = 'ipv4' | 'ipv6';

/** Address is one parsed IP, with IPv4-mapped IPv6 already read as IPv4. */
export interface Address {
  readonly family: Family;
  /** Canonical text: dotted quad, or IPv6 in its short form. */
  readonly text: string;
  readonly parsed: ipaddr.IPv4 | ipaddr.IPv6;
}

// Strict literal shapes: ipaddr.js alone also accepts forms like `0x7f.1` or `127.1` that no echo service sends.
const V4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/u;
const V6 = /^[0-9A-Fa-f:.]{2,45}$/u;

/** parseAddress reads one IP literal, or returns undefined when the text is not exactly one. */
export function parseAddress(text: string): Address | undefined {
  // ipaddr.js reads the deprecated IPv4-compatible form `::8.8.8.8` as IPv4-mapped; refuse it as ambiguous.
  if (/^::\d+\./u.test(text)) return undefined;
  if (!V4.test(text) && !(text.includes(':') && V6.test(text) && ipaddr.IPv6.isValid(text))) return undefined;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(text);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed instanceof ipaddr.IPv4) return { family: 'ipv4', text: parsed.toString(), parsed };
  return { family: 'ipv6', text: parsed.toString(), parsed };
}

/**
 * isPublic says whether an address is publicly routable: ipaddr.js names every excluded class (private,
 * loopback, link-local, CGNAT, unspecified, multicast, broadcast, reserved — which holds the documentation and
 * benchmarking ranges — unique-local, and the IPv6 special ranges), and only `unicast` is left.
 */
export function isPublic(address: Address): boolean {
  return address.parsed.range() === 'unicast';
}
