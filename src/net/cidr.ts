import ipaddr from 'ipaddr.js';
import { InputError, quote } from '../config/errors.js';
import { parseAddress, type Address } from './ip.js';

/**
 * parseCidr reads a CIDR or a bare IP (which becomes /32 or /128) into C1's canonical text: IPv4-mapped IPv6 is
 * written as IPv4, IPv6 in its short form. Host bits set are an error that names the network form.
 */
export function parseCidr(input: string, value: string): string {
  const slash = value.indexOf('/');
  const ipText = slash < 0 ? value : value.slice(0, slash);
  const prefixText = slash < 0 ? undefined : value.slice(slash + 1);
  const address = parseAddress(ipText);
  const expected = 'expected an IP address or a CIDR such as 203.0.113.0/24 or 2001:db8::/48';
  if (address === undefined) throw new InputError(input, `got ${quote(value)}; ${expected}.`);
  const max = address.family === 'ipv4' ? 32 : 128;
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^(?:0|[1-9]\d{0,2})$/u.test(prefixText) || Number(prefixText) > mappedMax(ipText, max)) {
      throw new InputError(input, `got ${quote(value)}; the prefix length must be 0 to ${mappedMax(ipText, max)}.`);
    }
    // An IPv4-mapped IPv6 CIDR (::ffff:10.0.0.0/104) keeps its meaning as IPv4 with 96 fewer bits.
    prefix = Number(prefixText) - (mappedMax(ipText, max) - max);
    if (prefix < 0) throw new InputError(input, `got ${quote(value)}; an IPv4-mapped prefix must be at least /96.`);
  }
  const network = networkOf(address, prefix);
  if (network !== address.text) {
    throw new InputError(input, `got ${quote(value)}, which has host bits set; the network is ${network}/${prefix}.`);
  }
  return `${network}/${prefix}`;
}

// A mapped literal is read as IPv4 but its written prefix counts IPv6 bits.
function mappedMax(ipText: string, max: number): number {
  return max === 32 && ipText.includes(':') ? 128 : max;
}

/** networkOf gives the network address of an address under a prefix length, in canonical text. */
export function networkOf(address: Address, prefix: number): string {
  const cidr = `${address.text}/${prefix}`;
  return address.family === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(cidr).toString();
}

/** toCidr applies a prefix length to an address: `203.0.113.7` with 24 gives `203.0.113.0/24`. */
export function toCidr(address: Address, prefix: number): string {
  return `${networkOf(address, prefix)}/${prefix}`;
}

/**
 * normaliseExisting reads a CIDR C1 already holds into canonical text for comparison. C1 may hold forms this
 * action would not write: host bits set are read as their network, and anything unreadable is kept exactly as
 * it is, so a merge never widens or drops an entry.
 */
export function normaliseExisting(value: string): string {
  try {
    return parseCidr('allowSourceCidr', value);
  } catch {
    // Host bits set (10.1.2.3/8) still name one network; anything else stays as C1 wrote it.
    const [ip = '', prefix = '', extra] = value.split('/');
    const address = parseAddress(ip);
    const max = address?.family === 'ipv4' ? 32 : 128;
    if (address === undefined || extra !== undefined || !/^\d{1,3}$/u.test(prefix) || Number(prefix) > max) return value;
    return toCidr(address, Number(prefix));
  }
}

/** unique keeps the first of each item, in order. */
export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export type { Address };
