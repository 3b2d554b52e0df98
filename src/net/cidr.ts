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
 * normaliseExisting reads a CIDR C1 already holds into canonical text, used only to compare it with others (it
 * is never sent in place of what C1 holds). C1 may hold forms this action would not write: host bits set are
 * read as their network, an IPv4-mapped IPv6 CIDR of /96 or longer as IPv4, a shorter one as the IPv6 network
 * it is, and anything unreadable is kept exactly as it is, so a merge never widens or drops an entry.
 */
export function normaliseExisting(value: string): string {
  const range = readRange(value);
  return range === undefined ? value : `${range.network}/${range.prefix}`;
}

/** CidrRange is a CIDR read leniently (host bits allowed), as the network it names. */
interface CidrRange {
  readonly family: 'ipv4' | 'ipv6';
  readonly network: string;
  readonly prefix: number;
  readonly first: bigint;
  readonly last: bigint;
}

/** readRange reads a CIDR or bare IP as the range it covers, or undefined when it is not one. */
function readRange(value: string): CidrRange | undefined {
  const [ip = '', prefixText, extra] = value.split('/');
  if (extra !== undefined || (prefixText !== undefined && !/^(?:0|[1-9]\d{0,2})$/u.test(prefixText))) return undefined;
  const address = parseAddress(ip);
  if (address === undefined) return undefined;
  const written = ip.includes(':') ? 128 : 32;
  const prefix = prefixText === undefined ? written : Number(prefixText);
  if (prefix > written) return undefined;
  // A mapped literal under /96 reaches outside ::ffff:0:0/96: it is the IPv6 network it spells, not IPv4.
  if (address.family === 'ipv4' && written === 128) {
    if (prefix >= 96) return rangeOf('ipv4', address.parsed.toByteArray(), prefix - 96);
    return rangeOf('ipv6', ipaddr.IPv6.parse(ip).toByteArray(), prefix);
  }
  return rangeOf(address.family, address.parsed.toByteArray(), prefix);
}

function rangeOf(family: 'ipv4' | 'ipv6', bytes: readonly number[], prefix: number): CidrRange {
  const bits = family === 'ipv4' ? 32 : 128;
  const value = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const first = value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  const network =
    family === 'ipv4' ? ipaddr.fromByteArray(toBytes(first, 4)).toString() : ipaddr.fromByteArray(toBytes(first, 16)).toString();
  return { family, network, prefix, first, last: first | hostMask };
}

function toBytes(value: bigint, length: number): number[] {
  return Array.from({ length }, (_, i) => Number((value >> BigInt(8 * (length - 1 - i))) & 0xffn));
}

const MAPPED_FIRST = 0xffff_0000_0000n;
const MAPPED_LAST = 0xffff_ffff_ffffn;

/**
 * allowsAll says whether a CIDR list lets every address of a family in, which C1 treats like an empty list:
 * `0.0.0.0/0`, `::/0`, `::ffff:0.0.0.0/96`, or any set of entries whose union covers a family. IPv4-mapped
 * IPv6 ranges count for IPv4 too, and IPv4 ranges for the mapped part of IPv6, since a server may read an
 * address in either form. Unreadable entries cover nothing.
 */
export function allowsAll(list: readonly string[]): boolean {
  if (list.length === 0) return true;
  const v4: [bigint, bigint][] = [];
  const v6: [bigint, bigint][] = [];
  for (const range of list.map(readRange)) {
    if (range === undefined) continue;
    if (range.family === 'ipv4') {
      v4.push([range.first, range.last]);
      v6.push([MAPPED_FIRST | range.first, MAPPED_FIRST | range.last]);
    } else {
      v6.push([range.first, range.last]);
      const first = range.first > MAPPED_FIRST ? range.first : MAPPED_FIRST;
      const last = range.last < MAPPED_LAST ? range.last : MAPPED_LAST;
      if (first <= last) v4.push([first - MAPPED_FIRST, last - MAPPED_FIRST]);
    }
  }
  return covers(v4, (1n << 32n) - 1n) || covers(v6, (1n << 128n) - 1n);
}

/** covers says whether the union of closed ranges is all of [0, max]. */
function covers(ranges: [bigint, bigint][], max: bigint): boolean {
  let next = 0n;
  for (const [first, last] of [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (first > next) return false;
    if (last + 1n > next) next = last + 1n;
    if (next > max) return true;
  }
  return false;
}

/** isCidr says whether text is a CIDR or IP C1 could hold: a valid address and a prefix that fits it. */
export function isCidr(value: string): boolean {
  return readRange(value) !== undefined;
}

/** holdsAddress says whether a CIDR of the list holds the address; entries that are not CIDRs hold nothing. */
export function holdsAddress(list: readonly string[], address: Address): boolean {
  const at = readRange(address.text);
  if (at === undefined) return false;
  return list.some((cidr) => {
    const range = readRange(cidr);
    return range !== undefined && range.family === at.family && range.first <= at.first && at.first <= range.last;
  });
}

/** unique keeps the first of each item, in order. */
export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export type { Address };
