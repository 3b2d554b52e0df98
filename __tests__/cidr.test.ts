import { holdsAddress, normaliseExisting, parseCidr, toCidr } from '../src/net/cidr.js';
import { isPublic, parseAddress, type Address } from '../src/net/ip.js';
import { inputErrorOf } from './helpers.js';

function address(text: string): Address {
  const parsed = parseAddress(text);
  if (parsed === undefined) throw new Error(`test setup: ${text} is not an address`);
  return parsed;
}

describe('parseAddress', () => {
  test.each<[string, 'ipv4' | 'ipv6', string]>([
    ['8.8.8.8', 'ipv4', '8.8.8.8'],
    ['0.0.0.0', 'ipv4', '0.0.0.0'],
    ['255.255.255.255', 'ipv4', '255.255.255.255'],
    ['2001:db8::1', 'ipv6', '2001:db8::1'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', 'ipv6', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', 'ipv6', '2001:db8::1:0:0:1'],
    ['::', 'ipv6', '::'],
    ['::1', 'ipv6', '::1'],
    ['FE80::1', 'ipv6', 'fe80::1'],
    ['2606:4700:4700::1111', 'ipv6', '2606:4700:4700::1111'],
    ['::ffff:10.0.0.1', 'ipv4', '10.0.0.1'],
    ['::FFFF:8.8.8.8', 'ipv4', '8.8.8.8'],
    ['::ffff:0808:0808', 'ipv4', '8.8.8.8'],
    ['0:0:0:0:0:ffff:1.2.3.4', 'ipv4', '1.2.3.4'],
    ['2001:db8::1.2.3.4', 'ipv6', '2001:db8::102:304']
  ])('reads %j as %s %s', (text, family, canonical) => {
    expect(parseAddress(text)).toMatchObject({ family, text: canonical });
  });

  test.each([
    ['an empty string', ''],
    ['a host name', 'example.com'],
    ['three octets', '1.2.3'],
    ['an octet over 255', '256.1.1.1'],
    ['a leading zero (octal-looking)', '010.0.0.1'],
    ['hex IPv4', '0x7f.0.0.1'],
    ['short IPv4', '127.1'],
    ['a zone index', 'fe80::1%eth0'],
    ['two ::', '1::2::3'],
    ['too many groups', '1:2:3:4:5:6:7:8:9'],
    ['surrounding white space', ' 8.8.8.8'],
    ['two addresses', '8.8.8.8 1.1.1.1'],
    ['a CIDR', '8.8.8.0/24'],
    ['a bracketed IPv6', '[::1]'],
    ['Unicode digits', '８.8.8.8']
  ])('refuses %s (%j)', (_what, text) => {
    expect(parseAddress(text)).toBeUndefined();
  });

  // ipaddr.js reads `::a.b.c.d` (the deprecated IPv4-compatible form, ::/96) as IPv4-mapped, so `::8.8.8.8`
  // would become 8.8.8.8 while `::0:8.8.8.8` stays IPv6; the action refuses the ambiguous form instead.
  test('refuses the deprecated IPv4-compatible form ::8.8.8.8 rather than reading it as IPv4', () => {
    expect(parseAddress('::8.8.8.8')).toBeUndefined();
  });
});

describe('isPublic', () => {
  test.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['9.9.9.9'],
    ['100.63.255.255'],
    ['100.128.0.0'],
    ['172.15.255.255'],
    ['172.32.0.0'],
    ['192.167.255.255'],
    ['198.17.255.255'],
    ['198.20.0.0'],
    ['223.255.255.254'],
    ['::ffff:8.8.8.8'],
    ['2606:4700:4700::1111'],
    ['2001:4860:4860::8888'],
    ['2a00:1450:4001:81b::200e']
  ])('counts %s as publicly routable', (text) => {
    expect(isPublic(address(text))).toBe(true);
  });

  test.each([
    ['private 10/8', '10.1.2.3'],
    ['private 172.16/12', '172.16.0.1'],
    ['private 172.16/12 (top)', '172.31.255.255'],
    ['private 192.168/16', '192.168.1.1'],
    ['loopback', '127.0.0.1'],
    ['loopback, elsewhere in 127/8', '127.255.0.9'],
    ['link-local', '169.254.1.1'],
    ['CGNAT 100.64/10', '100.64.0.1'],
    ['CGNAT 100.64/10 (top)', '100.127.255.255'],
    ['unspecified', '0.0.0.0'],
    ['"this network" 0/8', '0.1.2.3'],
    ['IETF protocol assignments 192.0.0/24', '192.0.0.9'],
    ['documentation 192.0.2/24', '192.0.2.1'],
    ['documentation 198.51.100/24', '198.51.100.7'],
    ['documentation 203.0.113/24', '203.0.113.7'],
    ['benchmarking 198.18/15', '198.18.0.1'],
    ['benchmarking 198.18/15 (second half)', '198.19.255.254'],
    ['multicast', '224.0.0.1'],
    ['multicast (top)', '239.255.255.255'],
    ['reserved 240/4', '240.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped documentation', '::ffff:203.0.113.7'],
    ['IPv6 unspecified', '::'],
    ['IPv6 loopback', '::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 unique-local fc00::/7 (fc)', 'fc00::1'],
    ['IPv6 unique-local fc00::/7 (fd)', 'fd12:3456:789a::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv6 documentation 2001:db8::/32', '2001:db8::1'],
    ['IPv6 documentation 2001:db8::/32 (top)', '2001:db8:ffff:ffff::1'],
    ['IPv6 benchmarking 2001:2::/48', '2001:2::1'],
    ['IPv6 discard 100::/64', '100::1'],
    ['IPv6 documentation 3fff::/20', '3fff::1']
  ])('refuses %s (%s)', (_what, text) => {
    expect(isPublic(address(text))).toBe(false);
  });
});

describe('parseCidr', () => {
  test.each<[string, string]>([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['192.168.1.0/24', '192.168.1.0/24'],
    ['8.8.8.8/32', '8.8.8.8/32'],
    ['8.8.8.8', '8.8.8.8/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:db8::1', '2001:db8::1/128'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0000/32', '2001:db8::/32'],
    ['2001:0db8:0001:0000:0000:0000:0000:0000/48', '2001:db8:1::/48'],
    ['fe80:0:0:0::/10', 'fe80::/10'],
    ['::/0', '::/0'],
    ['::ffff:10.0.0.1', '10.0.0.1/32'],
    ['::ffff:10.0.0.1/128', '10.0.0.1/32'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:0a00:0001', '10.0.0.1/32'],
    ['::ffff:0.0.0.0/96', '0.0.0.0/0']
  ])('reads %j as %s', (value, expected) => {
    expect(parseCidr('allow-source-cidr', value)).toBe(expected);
  });

  test.each<[string, string]>([
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['192.168.1.1/24', '192.168.1.0/24'],
    ['172.16.0.1/12', '172.16.0.0/12'],
    ['8.8.8.8/0', '0.0.0.0/0'],
    ['2001:db8::1/32', '2001:db8::/32'],
    ['2001:db8:1:2:3::/48', '2001:db8:1::/48'],
    ['::ffff:10.1.2.3/104', '10.0.0.0/8']
  ])('rejects a CIDR with host bits (%s), naming the network %s', (value, network) => {
    const error = inputErrorOf(() => parseCidr('allow-source-cidr', value));
    expect(error.input).toBe('allow-source-cidr');
    expect(error.message).toContain(`host bits set; the network is ${network}`);
  });

  test.each<[string, string, RegExp]>([
    ['an IPv4 prefix over 32', '10.0.0.0/33', /0 to 32/u],
    ['an IPv6 prefix over 128', '2001:db8::/129', /0 to 128/u],
    ['a negative prefix', '10.0.0.0/-1', /prefix length/u],
    ['a prefix with a leading zero', '10.0.0.0/08', /prefix length/u],
    ['a prefix with a plus sign', '10.0.0.0/+8', /prefix length/u],
    ['an empty prefix', '10.0.0.0/', /prefix length/u],
    ['two slashes', '10.0.0.0/8/8', /prefix length/u],
    ['trailing white space', '10.0.0.0/8 ', /prefix length/u],
    ['an IPv4-mapped prefix under /96', '::ffff:10.0.0.0/95', /at least \/96/u],
    ['something that is not an IP', 'example.com/24', /expected an IP address or a CIDR/u],
    ['a short IPv4', '10.1/16', /expected an IP address/u],
    ['a zone index', 'fe80::1%eth0/64', /expected an IP address/u],
    ['nothing', '', /expected an IP address/u]
  ])('rejects %s (%j)', (_what, value, pattern) => {
    const error = inputErrorOf(() => parseCidr('lock-cidr', value));
    expect(error.message).toMatch(/^Input 'lock-cidr': /u);
    expect(error.message).toMatch(pattern);
  });
});

describe('toCidr', () => {
  test.each<[string, number, string]>([
    ['203.0.113.7', 24, '203.0.113.0/24'],
    ['203.0.113.7', 32, '203.0.113.7/32'],
    ['8.8.8.8', 16, '8.8.0.0/16'],
    ['2001:db8::7', 128, '2001:db8::7/128'],
    ['2001:db8:1:2:3:4:5:6', 64, '2001:db8:1:2::/64'],
    ['2606:4700:4700::1111', 48, '2606:4700:4700::/48'],
    ['::ffff:8.8.8.8', 24, '8.8.8.0/24']
  ])('applies the prefix: %s with %d gives %s', (text, prefix, expected) => {
    expect(toCidr(address(text), prefix)).toBe(expected);
  });
});

describe('normaliseExisting', () => {
  test.each<[string, string]>([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['8.8.8.8', '8.8.8.8/32'],
    ['2001:db8::1', '2001:db8::1/128'],
    ['2001:DB8:0:0::/32', '2001:db8::/32'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['::ffff:8.8.8.8', '8.8.8.8/32']
  ])('writes %j as %s', (value, expected) => {
    expect(normaliseExisting(value)).toBe(expected);
  });

  test.each([['not-a-cidr'], ['10.0.0.0/33'], ['10.0.0.0/x'], ['2001:db8::/200'], ['']])('keeps %j as it is', (value) => {
    expect(normaliseExisting(value)).toBe(value);
  });

  // An empty prefix must not read as /0 (every IPv4 address), which a merge or a restore would write back.
  test.each([['10.0.0.0/'], ['1.2.3.4/']])('keeps the malformed %j as it is rather than widening it to /0', (value) => {
    expect(normaliseExisting(value)).toBe(value);
  });

  // C1's IPv4-mapped entry must compare equal to the same range given as an input (10.0.0.0/8).
  test('writes an IPv4-mapped CIDR as IPv4, as parseCidr does', () => {
    expect(normaliseExisting('::ffff:10.0.0.0/104')).toBe('10.0.0.0/8');
  });
});

describe('holdsAddress', () => {
  test.each<[string, string[], string, boolean]>([
    ['an address inside a CIDR', ['10.0.0.0/8'], '10.1.2.3', true],
    ['an address outside every CIDR', ['10.0.0.0/8', '192.0.2.1/32'], '203.0.113.7', false],
    ['a /32 that is the address', ['20.42.7.9/32'], '20.42.7.9', true],
    ['an IPv6 address in an IPv6 CIDR', ['2001:db8::/32'], '2001:db8::7', true],
    ['an IPv4 address against IPv6 CIDRs', ['2001:db8::/32'], '10.1.2.3', false],
    ['an IPv4-mapped CIDR holds the IPv4 address', ['::ffff:10.0.0.0/104'], '10.1.2.3', true],
    ['entries that are not CIDRs hold nothing', ['not a cidr', '10.0.0.0/99'], '10.1.2.3', false],
    ['the empty list holds nothing (C1 reads it as anywhere, but that is allowsAll)', [], '10.1.2.3', false]
  ])('%s', (_name, list, text, expected) => {
    const address = parseAddress(text);
    if (address === undefined) throw new Error(`test address ${text}`);
    expect(holdsAddress(list, address)).toBe(expected);
  });
});
