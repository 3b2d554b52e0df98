import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { buildAssertion } from '../src/c1/auth.js';
import { backoffMs, parseRetryAfter } from '../src/c1/retry.js';
import { parseClientSecret, type ClientSecret } from '../src/config/secret.js';
import { parseClientId } from '../src/config/tenant.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('backoffMs', () => {
  test.each<[number, number, number]>([
    [1, 0, 0],
    [1, 0.5, 250],
    [1, 0.999, 499],
    [2, 0.999, 999],
    [3, 0.999, 1998],
    [4, 0.999, 3996],
    [5, 0.999, 7992],
    [5, 0, 0],
    [6, 0.999, 9990],
    [6, 0.5, 5000],
    [10, 0.999, 9990],
    [30, 0.999, 9990],
    [30, 0, 0]
  ])('attempt %d with random %d waits %d ms', (attempt, random, ms) => {
    expect(backoffMs(attempt, () => random)).toBe(ms);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 12])('stays within [0, min(10 s, 0.5 s × 2^(attempt − 1))) for attempt %d', (attempt) => {
    const cap = Math.min(10_000, 500 * 2 ** (attempt - 1));
    for (const r of [0, 0.25, 0.5, 0.75, 0.999999]) {
      const ms = backoffMs(attempt, () => r);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(cap);
      expect(Number.isInteger(ms)).toBe(true);
    }
  });
});

describe('parseRetryAfter', () => {
  test.each<[string, string | undefined, number | undefined]>([
    ['absent', undefined, undefined],
    ['empty', '', undefined],
    ['blank', '   ', undefined],
    ['seconds', '5', 5_000],
    ['zero seconds', '0', 0],
    ['seconds with white space', ' 7 ', 7_000],
    ['30 seconds, at the cap', '30', 30_000],
    ['seconds over the cap, capped at 30 s', '120', 30_000],
    ['a huge number of seconds, capped', '99999999999', 30_000],
    ['an HTTP date 10 s ahead', 'Sun, 01 Mar 2026 12:00:10 GMT', 10_000],
    ['an HTTP date 2 minutes ahead, capped at 30 s', 'Sun, 01 Mar 2026 12:02:00 GMT', 30_000],
    ['an HTTP date in the past, as no wait', 'Sun, 01 Mar 2026 11:59:00 GMT', 0],
    ['an HTTP date now', 'Sun, 01 Mar 2026 12:00:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['words after a number', '12 apples', undefined],
    ['exponent notation', '1e3', undefined],
    ['Infinity', 'Infinity', undefined]
  ])('reads %s (%j) as %j', (_what, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  // V8's Date.parse reads '-5' or '1.5' leniently as past dates, which would mean "retry at once"; such a
  // header must be ignored so the usual backoff applies.
  test.each([['-5'], ['1.5'], ['5.']])('ignores the invalid delay %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

interface Decoded {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

function decode(jws: string): Decoded {
  const parts = jws.split('.');
  expect(parts).toHaveLength(3);
  const [h = '', c = '', s = ''] = parts;
  for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/u);
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Record<string, unknown>,
    signingInput: `${h}.${c}`,
    signature: Buffer.from(s, 'base64url')
  };
}

function keyPair(extra: Readonly<Record<string, string>> = {}): { secret: ClientSecret; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const encoded = Buffer.from(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d, ...extra })).toString('base64url');
  return { secret: parseClientSecret('client-secret', `secret-token:conductorone.com:v1:${encoded}`), publicKey };
}

describe('buildAssertion', () => {
  const caller = parseClientId('client-id', 'blue-whale-12345@acme.conductor.one/pcc');
  const iat = Math.floor(NOW.getTime() / 1000);

  test('signs EdDSA with a 32-hex nonce and no kid when the JWK has none', () => {
    const { secret, publicKey } = keyPair();
    const { header, signingInput, signature } = decode(buildAssertion(caller, secret, 'acme.conductor.one', NOW));
    expect(Object.keys(header).sort()).toEqual(['alg', 'nonce']);
    expect(header.alg).toBe('EdDSA');
    expect(header.nonce).toMatch(/^[0-9a-f]{32}$/u);
    expect(verify(null, Buffer.from(signingInput), publicKey, signature)).toBe(true);
  });

  test('puts the kid in the header when the JWK has one', () => {
    const { secret } = keyPair({ kid: 'key-7' });
    const { header } = decode(buildAssertion(caller, secret, 'acme.conductor.one', NOW));
    expect(header).toEqual({ alg: 'EdDSA', nonce: expect.stringMatching(/^[0-9a-f]{32}$/u) as unknown, kid: 'key-7' });
  });

  test.each<[string, string, Date, number]>([
    ['a conductor.one tenant', 'acme.conductor.one', NOW, iat],
    ['an EU tenant', 'acme.c1eu.ai', NOW, iat],
    ['a loopback host (the port is not part of aud)', 'localhost', new Date('2026-03-01T12:00:00.999Z'), iat]
  ])('claims exactly iss, sub, aud, iat, nbf, exp for %s', (_what, audience, now, expectedIat) => {
    const { secret } = keyPair();
    const { claims } = decode(buildAssertion(caller, secret, audience, now));
    expect(claims).toEqual({
      iss: 'blue-whale-12345@acme.conductor.one/pcc',
      sub: 'blue-whale-12345@acme.conductor.one/pcc',
      aud: audience,
      iat: expectedIat,
      nbf: expectedIat - 120,
      exp: expectedIat + 120
    });
    expect(claims).not.toHaveProperty('jti');
  });

  test('uses a fresh nonce each time', () => {
    const { secret } = keyPair();
    const nonces = new Set(Array.from({ length: 5 }, () => decode(buildAssertion(caller, secret, 'acme.conductor.one', NOW)).header.nonce));
    expect(nonces.size).toBe(5);
  });

  test('does not verify with another key', () => {
    const { secret } = keyPair();
    const other = keyPair().publicKey;
    const { signingInput, signature } = decode(buildAssertion(caller, secret, 'acme.conductor.one', NOW));
    expect(verify(null, Buffer.from(signingInput), other, signature)).toBe(false);
  });
});
