import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import nock from 'nock';
import { useNock } from './nock-setup.js';
import { AcceptedMalformed, C1Client } from '../src/c1/client.js';
import { MAX_LIST_MS, MAX_LIST_PAGES } from '../src/c1/paging.js';
import { resolveTarget } from '../src/c1/resolve.js';
import { C1Error } from '../src/c1/errors.js';
import { backoffMs, parseRetryAfter } from '../src/c1/retry.js';
import type { ClientFields, PersonalClient } from '../src/c1/types.js';
import type { Auth } from '../src/config/connection.js';
import { parseClientSecret, type ClientSecret } from '../src/config/secret.js';
import { parseClientId, type Tenant } from '../src/config/tenant.js';
import { createTransport } from '../src/net/http.js';

/*
 * HTTP edge cases of the C1 client, with the REAL transport (node http/https through http-client's agents)
 * against a fake tenant that nock intercepts. Sleeping, randomness, logging and masking are injected and
 * recorded, so nothing here waits for real (except the per-request timeout case, which waits 50 ms).
 */

const BASE = 'https://acme.conductor.one';
const TENANT: Tenant = { baseUrl: BASE, hostname: 'acme.conductor.one' };
const TOKEN_PATH = '/auth/v1/token';
const LIST_PATH = '/api/v1/iam/personal_clients';
const ID = 'blue-whale-12345';
const CLIENT_PATH = `${LIST_PATH}/${ID}`;
const GET_WHAT = `Get of personal client '${ID}'`;
const CALLER = `${ID}@acme.conductor.one/pcc`;
const GIVEN_TOKEN = 'given-access-token-7f3a9c';

const CLIENT: PersonalClient = {
  id: ID,
  clientId: CALLER,
  displayName: 'ci',
  allowSourceCidr: ['203.0.113.7/32'],
  scopedRoles: null,
  expiresTime: '2027-01-31T00:00:00Z'
};

/** rpcStatus is C1's error body: google.rpc.Status JSON. */
function rpcStatus(code: number, message: string): Record<string, unknown> {
  return { code, message, details: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets and auth

interface TestSecret {
  readonly value: string;
  readonly encoded: string;
  readonly parsed: ClientSecret;
}

function makeSecret(): TestSecret {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const encoded = Buffer.from(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d })).toString('base64url');
  const value = `secret-token:conductorone.com:v1:${encoded}`;
  return { value, encoded, parsed: parseClientSecret('client-secret', value) };
}

const SECRET = makeSecret();
const ASSERTION_AUTH: Auth = { kind: 'assertion', caller: parseClientId('client-id', CALLER), secret: SECRET.parsed };
const TOKEN_AUTH: Auth = { kind: 'token', token: GIVEN_TOKEN, caller: undefined };

// ---------------------------------------------------------------------------------------------------------------
// The client under test, with recording dependencies

interface Harness {
  readonly client: C1Client;
  /** Every wait the retry policy asked for, in ms. */
  readonly sleeps: number[];
  /** Retry log lines. */
  readonly logs: string[];
  /** Debug lines. */
  readonly debug: string[];
  /** Values passed to `mask` (core.setSecret). */
  readonly masked: string[];
  /** Interleaved record of masking and requests seen by nock, to check masking happens first. */
  readonly events: string[];
}

interface HarnessOptions {
  readonly auth?: Auth;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  readonly random?: () => number;
}

let events: string[] = [];

function harness(options: HarnessOptions = {}): Harness {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const debug: string[] = [];
  const masked: string[] = [];
  const client = new C1Client({
    tenant: TENANT,
    auth: options.auth ?? TOKEN_AUTH,
    transport: createTransport('test'),
    timeoutMs: options.timeoutMs ?? 5_000,
    retry: {
      maxAttempts: options.maxAttempts ?? 5,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: options.random ?? (() => 0.5),
      log: (line) => logs.push(line)
    },
    tokenDeps: {
      now: () => new Date(),
      getIdToken: () => Promise.reject(new Error('no OIDC in these tests')),
      mask: (secret) => {
        masked.push(secret);
        events.push(`mask ${secret}`);
      }
    },
    debug: (line) => debug.push(line)
  });
  return { client, sleeps, logs, debug, masked, events };
}

// ---------------------------------------------------------------------------------------------------------------
// Recording nock replies

interface Seen {
  readonly uri: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

type ReplyFn = (this: nock.ReplyFnContext, uri: string, body: nock.Body) => nock.ReplyFnResult;

/** answer replies with status/body/headers and records the request it answered. */
function answer(seen: Seen[], status: number, body: nock.Body = {}, headers: Record<string, string> = {}): ReplyFn {
  return function (this: nock.ReplyFnContext, uri: string, requestBody: nock.Body): nock.ReplyFnResult {
    const text = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody);
    seen.push({ uri, headers: { ...this.req.headers }, body: text });
    events.push(`request ${uri}`);
    return [status, body, headers];
  };
}

/** errorOf awaits a promise that must reject and returns what it rejected with, checked to be a clean Error. */
async function errorOf(promise: Promise<unknown>): Promise<Error> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof Error)) throw new Error(`expected a rejection with an Error, got ${String(caught)}`);
  expectClean(caught.message);
  return caught;
}

/** expectClean: a user-facing message, one line, no stack trace, no "[object Object]" or "undefined". */
function expectClean(message: string): void {
  expect(message).not.toMatch(/\n/u);
  expect(message).not.toMatch(/\bat .*\.(?:ts|js):\d+/u);
  expect(message).not.toContain('[object Object]');
  expect(message).not.toContain('undefined');
  expect(message).not.toMatch(/TypeError|SyntaxError|ReferenceError/u);
}

function form(seen: Seen): URLSearchParams {
  return new URLSearchParams(seen.body);
}

useNock();

beforeEach(() => {
  events = [];
});

// ---------------------------------------------------------------------------------------------------------------
// 1. Retries

describe('retry policy', () => {
  test.each([
    [429, 8, 'resource exhausted', 'rate limit exceeded'],
    [500, 13, 'internal error', 'internal: something broke'],
    [502, 14, 'bad gateway', 'upstream connect error'],
    [503, 14, 'unavailable', 'service is warming up'],
    [504, 4, 'gateway timeout', 'deadline exceeded']
  ])(
    'HTTP %i is retried up to maxAttempts, then fails naming the operation, status and C1 message',
    async (status, code, name, message) => {
      const seen: Seen[] = [];
      const scope = nock(BASE)
        .get(CLIENT_PATH)
        .times(3)
        .reply(answer(seen, status, rpcStatus(code, message)));
      const h = harness({ maxAttempts: 3 });

      const error = await errorOf(h.client.get(ID));

      expect(error).toBeInstanceOf(C1Error);
      expect(error.message).toContain(GET_WHAT);
      expect(error.message).toContain(`HTTP ${status} (${name})`);
      expect(error.message).toContain(message);
      expect(error.message).toContain('after 3 attempts');
      expect((error as C1Error).status).toBe(status);
      expect(seen).toHaveLength(3);
      expect(h.sleeps).toHaveLength(2);
      expect(h.logs).toHaveLength(2);
      expect(scope.isDone()).toBe(true);
    }
  );

  test.each([
    [400, 3, 'invalid argument', 'invalid UpdatePersonalClientRequest.Client: value does not match regex'],
    [403, 7, 'permission denied', 'permission denied: cannot change scopedRoles'],
    [404, 5, 'not found', 'personal client not found'],
    [409, 6, 'conflict', 'the personal client was modified concurrently']
  ])('HTTP %i fails at once, exactly one request, with C1 message', async (status, code, name, message) => {
    const seen: Seen[] = [];
    const scope = nock(BASE)
      .post(CLIENT_PATH)
      .reply(answer(seen, status, rpcStatus(code, message)));
    // A stray second request would be answered here (and would make the call succeed).
    const spare = nock(BASE).post(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 5 });

    const error = await errorOf(h.client.update(ID, { displayName: 'x' }, ['displayName']));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(`Update of personal client '${ID}'`);
    expect(error.message).toContain(`HTTP ${status} (${name})`);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('attempts');
    expect((error as C1Error).status).toBe(status);
    expect(seen).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(h.logs).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });

  test('an error body that is not google.rpc.Status (a proxy page) shows its first bytes', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const scope = nock(BASE).get(CLIENT_PATH).times(2).reply(502, html, { 'content-type': 'text/html' });
    const h = harness({ maxAttempts: 2 });

    const error = await errorOf(h.client.get(ID));

    expect(error.message).toContain('HTTP 502 (bad gateway)');
    expect(error.message).toContain('<html><head><title>502 Bad Gateway');
    expect(scope.isDone()).toBe(true);
  });

  test('a network error (ECONNRESET) is retried and the call then succeeds', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const scope = nock(BASE).get(CLIENT_PATH).times(2).replyWithError(reset).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 5 });

    await expect(h.client.get(ID)).resolves.toEqual(CLIENT);

    expect(h.sleeps).toEqual([250, 500]);
    expect(h.logs).toHaveLength(2);
    expect(h.logs[0]).toMatch(/^attempt 2 of 5 after ECONNRESET/u);
    expect(scope.isDone()).toBe(true);
  });

  test('a network error on every attempt fails naming the operation and the error code', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const scope = nock(BASE).get(CLIENT_PATH).times(3).replyWithError(reset);
    const h = harness({ maxAttempts: 3 });

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain('after 3 attempts');
    expect(error.message).toContain('ECONNRESET');
    expect((error as C1Error).retryable).toBe(true);
    expect(h.sleeps).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
  });

  // nock 14 hands `replyWithError({code})` (a plain object, not an Error) to `req.destroy()`, and the request then
  // never emits 'error' nor 'response': it just hangs. Node itself always emits Errors, so this is a nock quirk;
  // what matters is that the transport's own total timeout still ends each attempt, which is retried and reported.
  test('a network error given to nock as a bare {code} object: the request hangs, the timeout ends it, retried', async () => {
    const scope = nock(BASE).get(CLIENT_PATH).times(2).replyWithError({ code: 'ECONNRESET' });
    const h = harness({ maxAttempts: 2, timeoutMs: 50 });

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain('after 2 attempts');
    // Whichever way nock surfaces it (a future nock may emit the object as the error), the reason is named.
    expect(error.message).toMatch(/ECONNRESET|no complete answer within 0\.05 s/u);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toMatch(/^attempt 2 of 2 after /u);
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"]
  ])('a TLS failure (%s) is not retried and says how to trust a re-signing proxy', async (code, message) => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .replyWithError(Object.assign(new Error(message), { code }));
    const spare = nock(BASE).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 5 });

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain(code);
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });

  test('a TLS protocol failure (https to a plain-http server) is not retried and says to check the scheme', async () => {
    const wrongVersion = 'write EPROTO 40DD:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number';
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .replyWithError(Object.assign(new Error(wrongVersion), { code: 'EPROTO' }));
    const spare = nock(BASE).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 5 });

    const error = await errorOf(h.client.get(ID));

    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain('wrong version number');
    expect(error.message).toMatch(/does not speak TLS there: check the tenant's scheme and port/u);
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });

  test('an EPROTO that is not from TLS (a bare protocol error) is still retried like a network error', async () => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .replyWithError(Object.assign(new Error('read EPROTO'), { code: 'EPROTO' }))
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 3 });

    await expect(h.client.get(ID)).resolves.toMatchObject({ id: ID });
    expect(h.sleeps).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  test('the per-request timeout is retried, and the call then succeeds', async () => {
    const scope = nock(BASE).get(CLIENT_PATH).delay(200).reply(200, { client: CLIENT }).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 3, timeoutMs: 50 });

    await expect(h.client.get(ID)).resolves.toEqual(CLIENT);

    expect(h.sleeps).toEqual([250]);
    expect(h.logs[0]).toMatch(/^attempt 2 of 3 after .*0\.05 s/u);
    expect(scope.isDone()).toBe(true);
  });

  test('a per-request timeout on every attempt is reported as a timeout', async () => {
    const scope = nock(BASE).get(CLIENT_PATH).times(3).delay(200).reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 3, timeoutMs: 50 });

    const error = await errorOf(h.client.get(ID));

    // Each attempt was cut by the transport's own timer (a TimeoutError), not answered late by nock.
    expect(h.debug).toHaveLength(3);
    for (const line of h.debug) expect(line).toMatch(new RegExp(`^GET ${CLIENT_PATH} failed after \\d+ ms$`, 'u'));
    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain('after 3 attempts');
    expect(error.message).toContain('no complete answer within 0.05 s');
    expect(h.sleeps).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
  });

  test('log lines say "attempt N of M after <reason>, waiting <s> s" and match the waits', async () => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .times(3)
      .reply(503, rpcStatus(14, 'unavailable'))
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 5 });

    await h.client.get(ID);

    expect(h.sleeps).toEqual([250, 500, 1000]);
    expect(h.logs).toEqual([
      'attempt 2 of 5 after HTTP 503 (unavailable), waiting 0.3 s',
      'attempt 3 of 5 after HTTP 503 (unavailable), waiting 0.5 s',
      'attempt 4 of 5 after HTTP 503 (unavailable), waiting 1.0 s'
    ]);
    h.logs.forEach((line, i) => {
      const match = /^attempt (\d+) of (\d+) after (.+), waiting (\d+(?:\.\d+)?) s$/u.exec(line);
      expect(match).not.toBeNull();
      expect(Number(match?.[1])).toBe(i + 2);
      expect(Number(match?.[2])).toBe(5);
      // The shown wait is the real one, to the shown precision.
      expect(Math.abs(Number(match?.[4]) * 1000 - (h.sleeps[i] ?? NaN))).toBeLessThanOrEqual(50);
    });
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['2', 2_000],
    ['0', 0],
    ['30', 30_000],
    ['45', 30_000],
    ['86400', 30_000]
  ])('Retry-After: %s (seconds) → sleep %i ms', async (retryAfter, expected) => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .reply(429, rpcStatus(8, 'slow down'), { 'Retry-After': retryAfter })
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness();

    await h.client.get(ID);

    expect(h.sleeps).toEqual([expected]);
    expect(h.logs[0]).toBe(`attempt 2 of 5 after HTTP 429 (resource exhausted), waiting ${(expected / 1000).toFixed(1)} s`);
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['10 s ahead', 10_000, 8_000, 10_000],
    ['2 minutes ahead (capped)', 120_000, 30_000, 30_000],
    ['in the past', -60_000, 0, 0]
  ])('Retry-After as an HTTP date %s', async (_name, offsetMs, min, max) => {
    const date = new Date(Date.now() + offsetMs).toUTCString();
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .reply(503, rpcStatus(14, 'maintenance'), { 'Retry-After': date })
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness();

    await h.client.get(ID);

    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(min);
    expect(h.sleeps[0]).toBeLessThanOrEqual(max);
    expect(scope.isDone()).toBe(true);
  });

  test('an unreadable Retry-After falls back to the jittered backoff', async () => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .reply(503, rpcStatus(14, 'x'), { 'Retry-After': 'soon' })
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness();

    await h.client.get(ID);

    expect(h.sleeps).toEqual([250]);
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['random 0.5', 0.5, [250, 500, 1_000, 2_000, 4_000, 5_000, 5_000]],
    ['random 0.9999 (near the cap)', 0.9999, [499, 999, 1_999, 3_999, 7_999, 9_999, 9_999]],
    ['random 0', 0, [0, 0, 0, 0, 0, 0, 0]]
  ])('full jitter through the client, %s: waits up to min(10 s, 0.5 s × 2^(attempt − 1))', async (_name, random, expected) => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .times(7)
      .reply(503, rpcStatus(14, 'unavailable'))
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness({ maxAttempts: 8, random: () => random });

    await h.client.get(ID);

    expect(h.sleeps).toEqual(expected);
    h.sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(Math.min(10_000, 500 * 2 ** i));
    });
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    [1, 250],
    [2, 500],
    [3, 1_000],
    [4, 2_000],
    [5, 4_000],
    [6, 5_000],
    [10, 5_000]
  ])('backoffMs(attempt %i, random 0.5) = %i', (attempt, expected) => {
    expect(backoffMs(attempt, () => 0.5)).toBe(expected);
  });

  test('parseRetryAfter: seconds, HTTP date, cap, junk', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfter('31', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 13:00:00 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  // V8's Date.parse is lenient ('-1', '1.5', '+5' and 'Retry 2' all parse as dates in 2001, which would mean a
  // 0 ms wait): only delay-seconds or an HTTP date count (RFC 9110 §10.2.3); anything else is ignored.
  test.each([['-1'], ['1.5'], ['+5'], ['Retry 2']])('parseRetryAfter(%j) is not a Retry-After value → undefined', (value) => {
    expect(parseRetryAfter(value, new Date('2026-03-01T12:00:00Z'))).toBeUndefined();
  });

  test('an invalid Retry-After ("1.5") falls back to the jittered backoff instead of retrying at once', async () => {
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .reply(503, rpcStatus(14, 'x'), { 'Retry-After': '1.5' })
      .get(CLIENT_PATH)
      .reply(200, { client: CLIENT });
    const h = harness();

    await h.client.get(ID);

    expect(h.sleeps).toEqual([250]);
    expect(scope.isDone()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Update retried

describe('Update', () => {
  test('is retried after a 503 and succeeds, sending the identical body both times', async () => {
    const seen: Seen[] = [];
    const updated: PersonalClient = { ...CLIENT, allowSourceCidr: ['198.51.100.0/24'], expiresTime: '2027-06-01T00:00:00Z' };
    const scope = nock(BASE)
      .post(CLIENT_PATH)
      .reply(answer(seen, 503, rpcStatus(14, 'unavailable')))
      .post(CLIENT_PATH)
      .reply(answer(seen, 200, { client: updated }));
    const h = harness({ auth: TOKEN_AUTH });
    const fields: ClientFields = { allowSourceCidr: ['198.51.100.0/24'], expiresTime: '2027-06-01T00:00:00Z' };

    await expect(h.client.update(ID, fields, ['allowSourceCidr', 'expiresTime'])).resolves.toEqual(updated);

    expect(seen).toHaveLength(2);
    expect(seen[1]?.body).toBe(seen[0]?.body);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ client: fields, updateMask: 'allowSourceCidr,expiresTime' });
    for (const s of seen) {
      expect(s.headers['content-type']).toBe('application/json');
      expect(s.headers.authorization).toBe(`Bearer ${GIVEN_TOKEN}`);
    }
    expect(h.sleeps).toEqual([250]);
    expect(scope.isDone()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Token endpoint

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('token endpoint (client credentials with a signed assertion)', () => {
  test('posts exactly the four form fields, no Authorization header, and masks assertion and token first', async () => {
    const tokenSeen: Seen[] = [];
    const apiSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-token-1', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .reply(answer(apiSeen, 200, { client: CLIENT }));
    const h = harness({ auth: ASSERTION_AUTH });

    await expect(h.client.get(ID)).resolves.toEqual(CLIENT);

    expect(tokenSeen).toHaveLength(1);
    const request = tokenSeen[0];
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBeUndefined();
    const fields = form(request ?? { uri: '', headers: {}, body: '' });
    expect([...fields.keys()].sort()).toEqual(['client_assertion', 'client_assertion_type', 'client_id', 'grant_type']);
    expect(fields.get('client_id')).toBe(CALLER);
    expect(fields.get('grant_type')).toBe('client_credentials');
    expect(fields.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');

    // The assertion is a valid EdDSA JWS by the secret's key, for this tenant.
    const assertion = fields.get('client_assertion') ?? '';
    const [header, claims, signature] = assertion.split('.');
    expect(decodeSegment(header)).toMatchObject({ alg: 'EdDSA' });
    expect(decodeSegment(header).nonce).toMatch(/^[0-9a-f]{32}$/u);
    expect(decodeSegment(claims)).toMatchObject({ iss: CALLER, sub: CALLER, aud: 'acme.conductor.one' });
    const publicKey = createPublicKey(SECRET.parsed.key);
    expect(verify(null, Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature ?? '', 'base64url'))).toBe(true);

    // The API call carries the minted token.
    expect(apiSeen[0]?.headers.authorization).toBe('Bearer minted-token-1');

    // Both secrets are masked, and each before anything could echo it.
    expect(h.masked).toEqual(expect.arrayContaining([assertion, 'minted-token-1']));
    expect(h.events.indexOf(`mask ${assertion}`)).toBeLessThan(h.events.indexOf(`request ${TOKEN_PATH}`));
    expect(h.events.indexOf('mask minted-token-1')).toBeLessThan(h.events.indexOf(`request ${CLIENT_PATH}`));
    expect(scope.isDone()).toBe(true);
  });

  test('the token is minted once and shared by later calls', async () => {
    const tokenSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-once', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .times(2)
      .matchHeader('authorization', 'Bearer minted-once')
      .reply(200, { client: CLIENT });
    const h = harness({ auth: ASSERTION_AUTH });

    await h.client.get(ID);
    await h.client.get(ID);

    expect(tokenSeen).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  test('invalid_client (401) → "C1 rejected the client credentials: invalid_client: bad signature", no retry, nothing secret', async () => {
    const tokenSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 401, { error: 'invalid_client', error_description: 'bad signature' }));
    const api = nock(BASE).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ auth: ASSERTION_AUTH });

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toMatch(/^C1 rejected the client credentials: invalid_client: bad signature\b/u);
    expect(error.message).toContain('HTTP 401');
    const assertion = form(tokenSeen[0] ?? { uri: '', headers: {}, body: '' }).get('client_assertion') ?? '';
    expect(assertion).not.toBe('');
    for (const secret of [assertion, ...assertion.split('.'), tokenSeen[0]?.body ?? '', SECRET.value, SECRET.encoded, SECRET.parsed.d]) {
      expect(error.message).not.toContain(secret);
    }
    expect(error.message).not.toContain('client_assertion');
    expect(tokenSeen).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(api.isDone()).toBe(false);
  });

  test('the token request is retried after a 503', async () => {
    const tokenSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 503, rpcStatus(14, 'unavailable')))
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-after-retry', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .matchHeader('authorization', 'Bearer minted-after-retry')
      .reply(200, { client: CLIENT });
    const h = harness({ auth: ASSERTION_AUTH });

    await expect(h.client.get(ID)).resolves.toEqual(CLIENT);

    expect(tokenSeen).toHaveLength(2);
    expect(h.sleeps).toEqual([250]);
    expect(h.logs[0]).toBe('attempt 2 of 5 after HTTP 503 (unavailable), waiting 0.3 s');
    expect(h.masked).toContain('minted-after-retry');
    expect(scope.isDone()).toBe(true);
  });

  test('a token endpoint failing on every attempt names the exchange and the status', async () => {
    const scope = nock(BASE).post(TOKEN_PATH).times(3).reply(503, rpcStatus(14, 'auth backend down'));
    const h = harness({ auth: ASSERTION_AUTH, maxAttempts: 3 });

    const error = await errorOf(h.client.get(ID));

    expect(error.message).toContain('the client credentials');
    expect(error.message).toContain('HTTP 503 (unavailable)');
    expect(error.message).toContain('auth backend down');
    expect(error.message).toContain('after 3 attempts');
    expect(h.sleeps).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
  });

  test('a 200 from the token endpoint without access_token is an error', async () => {
    const scope = nock(BASE).post(TOKEN_PATH).reply(200, { token_type: 'Bearer' });
    const h = harness({ auth: ASSERTION_AUTH });

    const error = await errorOf(h.client.get(ID));

    expect(error.message).toContain('access_token');
    expect(scope.isDone()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 4. 401 from the API

describe('401 from the API', () => {
  test('with a minted token: one new token is minted and the call retried once', async () => {
    const tokenSeen: Seen[] = [];
    const apiSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-1', token_type: 'Bearer', expires_in: 600 }))
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-2', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .matchHeader('authorization', 'Bearer minted-1')
      .reply(answer(apiSeen, 401, rpcStatus(16, 'token expired')))
      .get(CLIENT_PATH)
      .matchHeader('authorization', 'Bearer minted-2')
      .reply(answer(apiSeen, 200, { client: CLIENT }));
    const h = harness({ auth: ASSERTION_AUTH });

    await expect(h.client.get(ID)).resolves.toEqual(CLIENT);

    expect(tokenSeen).toHaveLength(2);
    expect(apiSeen).toHaveLength(2);
    expect(h.masked).toEqual(expect.arrayContaining(['minted-1', 'minted-2']));
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  test('with a minted token: a second 401 fails (two token requests, two API requests in all)', async () => {
    const tokenSeen: Seen[] = [];
    const apiSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-1', token_type: 'Bearer', expires_in: 600 }))
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-2', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .times(2)
      .reply(answer(apiSeen, 401, rpcStatus(16, 'unauthenticated: token revoked')));
    const spareToken = nock(BASE).post(TOKEN_PATH).reply(200, { access_token: 'minted-3' });
    const h = harness({ auth: ASSERTION_AUTH });

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain('HTTP 401 (unauthenticated)');
    expect(error.message).toContain('token revoked');
    expect(error.message).not.toContain('minted-');
    expect(tokenSeen).toHaveLength(2);
    expect(apiSeen.map((s) => s.headers.authorization)).toEqual(['Bearer minted-1', 'Bearer minted-2']);
    expect(scope.isDone()).toBe(true);
    expect(spareToken.isDone()).toBe(false);
  });

  // Two calls in flight on one minted token (the read and the `c1` runner-IP source run concurrently) that both
  // get a 401 must share one renewal: the contract says "mint once more".
  test('two concurrent calls rejected with 401 share one renewal (two token requests in all)', async () => {
    const tokenSeen: Seen[] = [];
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-1', token_type: 'Bearer', expires_in: 600 }))
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-2', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .times(2)
      .matchHeader('authorization', 'Bearer minted-1')
      .reply(401, rpcStatus(16, 'token expired'))
      .get(CLIENT_PATH)
      .times(2)
      .matchHeader('authorization', 'Bearer minted-2')
      .reply(200, { client: CLIENT });
    nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-3', token_type: 'Bearer', expires_in: 600 }));
    nock(BASE).get(CLIENT_PATH).matchHeader('authorization', 'Bearer minted-3').reply(200, { client: CLIENT });
    const h = harness({ auth: ASSERTION_AUTH });

    await expect(Promise.all([h.client.get(ID), h.client.get(ID)])).resolves.toEqual([CLIENT, CLIENT]);

    expect(tokenSeen.length).toBe(2); // 3 today
    expect(scope.isDone()).toBe(true);
  });

  test('with a given token: "the access token was rejected (expired or revoked?)", exactly one request', async () => {
    const apiSeen: Seen[] = [];
    const scope = nock(BASE)
      .get(CLIENT_PATH)
      .reply(answer(apiSeen, 401, rpcStatus(16, 'invalid token')));
    const spare = nock(BASE).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ auth: TOKEN_AUTH });

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain('the access token was rejected (expired or revoked?)');
    expect(error.message).toContain('invalid token');
    expect(error.message).not.toContain(GIVEN_TOKEN);
    expect(apiSeen).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 5. 200s that are not what they should be

describe('a 200 with an unexpected body', () => {
  const captive = '<!DOCTYPE html>\n<html><head><title>Sign in to Hotel WiFi</title></head><body>Please accept the terms</body></html>';

  test.each([
    ['HTML from a captive proxy', captive, ['not JSON', '<!DOCTYPE html> <html><head><title>Sign in to Hotel WiFi']],
    ['an empty body', '', ['not JSON', 'empty body']],
    ['JSON without client', '{"something":"else"}', ['without a client', 'something']],
    ['JSON with client not an object', '{"client":"blue-whale"}', ['without a client']],
    ['a JSON array', '[1,2]', ['without a client']],
    ['JSON null', 'null', ['without a client']]
  ])('Get answering %s fails cleanly, naming the operation', async (_name, body, fragments) => {
    const scope = nock(BASE).get(CLIENT_PATH).reply(200, body, { 'content-type': 'text/html' });
    const h = harness();

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain(GET_WHAT);
    for (const fragment of fragments) expect(error.message).toContain(fragment);
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  test('a very long HTML body is cut to its first bytes', async () => {
    const long = `<html><body>${'x'.repeat(100_000)}</body></html>`;
    const scope = nock(BASE).get(CLIENT_PATH).reply(200, long);
    const h = harness();

    const error = await errorOf(h.client.get(ID));

    expect(error.message).toContain('<html><body>xxx');
    expect(error.message.length).toBeLessThan(400);
    expect(scope.isDone()).toBe(true);
  });

  test('Update answering HTML fails naming the Update', async () => {
    const scope = nock(BASE).post(CLIENT_PATH).reply(200, captive);
    const h = harness();

    const error = await errorOf(h.client.update(ID, { displayName: 'x' }, ['displayName']));

    expect(error.message).toContain(`Update of personal client '${ID}'`);
    expect(error.message).toContain('Sign in to Hotel WiFi');
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['list is a string', '{"list":"nope"}'],
    ['a bare array', '[{"id":"a"}]'],
    ['a string', '"hello"'],
    ['null', 'null']
  ])('List answering a non-list body (%s) fails cleanly', async (_name, body) => {
    const scope = nock(BASE).get(LIST_PATH).reply(200, body);
    const h = harness();

    const error = await errorOf(h.client.listPage('', 'blue-whale-1@acme.conductor.one/pcc'));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain('List of personal clients');
    expect(error.message).toContain('not a list');
    expect(scope.isDone()).toBe(true);
  });

  test('List answering HTML fails naming the List', async () => {
    const scope = nock(BASE).get(LIST_PATH).reply(200, captive);
    const h = harness();

    const error = await errorOf(h.client.listPage('', 'blue-whale-1@acme.conductor.one/pcc'));

    expect(error.message).toContain('List of personal clients');
    expect(error.message).toContain('not JSON');
    expect(scope.isDone()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 6. Debug lines

describe('debug lines', () => {
  test('carry method, path, status and duration, never the token, the assertion or bodies', async () => {
    const tokenSeen: Seen[] = [];
    const displayName = 'body-marker-display-name';
    const scope = nock(BASE)
      .post(TOKEN_PATH)
      .reply(answer(tokenSeen, 200, { access_token: 'minted-debug-token', token_type: 'Bearer', expires_in: 600 }))
      .get(CLIENT_PATH)
      .reply(200, { client: { ...CLIENT, displayName: 'response-marker' } })
      .post(CLIENT_PATH)
      .reply(503, rpcStatus(14, 'error-body-marker'))
      .post(CLIENT_PATH)
      .reply(200, { client: { ...CLIENT, displayName } })
      .get(LIST_PATH)
      .query({ pageToken: 'page-2' })
      .reply(200, { list: [CLIENT], nextPageToken: '' });
    const h = harness({ auth: ASSERTION_AUTH });

    await h.client.get(ID);
    await h.client.update(ID, { displayName }, ['displayName']);
    await h.client.listPage('page-2', 'blue-whale-1@acme.conductor.one/pcc');

    expect(h.debug).toHaveLength(5);
    for (const line of h.debug) {
      expect(line).toMatch(/^(GET|POST) \/\S+ → \d{3} in \d+ ms$/u);
    }
    expect(h.debug[0]).toMatch(/^POST \/auth\/v1\/token → 200 in \d+ ms$/u);
    expect(h.debug[1]).toMatch(new RegExp(`^GET ${CLIENT_PATH} → 200 in \\d+ ms$`, 'u'));
    expect(h.debug[2]).toMatch(new RegExp(`^POST ${CLIENT_PATH} → 503 in \\d+ ms$`, 'u'));
    expect(h.debug[3]).toMatch(new RegExp(`^POST ${CLIENT_PATH} → 200 in \\d+ ms$`, 'u'));
    expect(h.debug[4]).toMatch(/^GET \/api\/v1\/iam\/personal_clients\?pageToken=page-2 → 200 in \d+ ms$/u);

    const assertion = form(tokenSeen[0] ?? { uri: '', headers: {}, body: '' }).get('client_assertion') ?? '';
    const all = h.debug.join('\n') + h.logs.join('\n');
    for (const secret of ['minted-debug-token', 'Bearer', assertion, assertion.split('.')[2] ?? '', SECRET.parsed.d]) {
      expect(all).not.toContain(secret);
    }
    for (const bodyText of [displayName, 'response-marker', 'error-body-marker', 'client_credentials', 'updateMask']) {
      expect(all).not.toContain(bodyText);
    }
    expect(scope.isDone()).toBe(true);
  });

  test('a failed connection gets a debug line too, without secrets', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const scope = nock(BASE).get(CLIENT_PATH).replyWithError(reset).get(CLIENT_PATH).reply(200, { client: CLIENT });
    const h = harness({ auth: TOKEN_AUTH });

    await h.client.get(ID);

    expect(h.debug).toHaveLength(2);
    expect(h.debug[0]).toMatch(new RegExp(`^GET ${CLIENT_PATH} failed after \\d+ ms$`, 'u'));
    expect(h.debug.join('\n')).not.toContain(GIVEN_TOKEN);
    expect(scope.isDone()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 7. Paging and ids

describe('listPage and ids', () => {
  test('the first page has no pageToken; the next page passes it as a query parameter', async () => {
    const second: PersonalClient = { ...CLIENT, id: 'red-fox-2', clientId: 'red-fox-2@acme.conductor.one/pcc' };
    const pageToken = 'opaque/token+with=chars&more';
    const scope = nock(BASE)
      .get(LIST_PATH)
      .matchHeader('authorization', `Bearer ${GIVEN_TOKEN}`)
      .reply(200, { list: [CLIENT], nextPageToken: pageToken })
      .get(LIST_PATH)
      .query({ pageToken })
      .matchHeader('authorization', `Bearer ${GIVEN_TOKEN}`)
      .reply(200, { list: [second], nextPageToken: '' });
    const h = harness();

    const page1 = await h.client.listPage('', 'blue-whale-1@acme.conductor.one/pcc');
    expect(page1).toEqual({ list: [CLIENT], nextPageToken: pageToken });
    const page2 = await h.client.listPage(page1.nextPageToken, 'blue-whale-1@acme.conductor.one/pcc');
    expect(page2).toEqual({ list: [second], nextPageToken: '' });
    expect(scope.isDone()).toBe(true);
  });

  test('a page with no list and no nextPageToken reads as empty and last', async () => {
    const scope = nock(BASE).get(LIST_PATH).reply(200, {});
    const h = harness();

    await expect(h.client.listPage('', 'blue-whale-1@acme.conductor.one/pcc')).resolves.toEqual({ list: [], nextPageToken: '' });
    expect(scope.isDone()).toBe(true);
  });

  test('get and update refuse an empty id without any request', async () => {
    const trailing = nock(BASE).get(`${LIST_PATH}/`).reply(200, { client: CLIENT }).post(`${LIST_PATH}/`).reply(200, { client: CLIENT });
    const collection = nock(BASE).get(LIST_PATH).reply(200, { list: [] }).post(LIST_PATH).reply(200, { client: CLIENT });
    const token = nock(BASE).post(TOKEN_PATH).reply(200, { access_token: 'never' });
    const h = harness({ auth: ASSERTION_AUTH });

    await expect(h.client.get('')).rejects.toThrow(/empty personal client id/u);
    await expect(h.client.update('', { displayName: 'x' }, ['displayName'])).rejects.toThrow(/empty personal client id/u);

    expect(trailing.isDone()).toBe(false);
    expect(nock.pendingMocks()).toHaveLength(5);
    expect(collection.isDone()).toBe(false);
    expect(token.isDone()).toBe(false);
    expect(h.debug).toEqual([]);
  });

  test('an id is path-escaped', async () => {
    const scope = nock(BASE).get(`${LIST_PATH}/a%2Fb%3Fc`).reply(200, { client: CLIENT });
    const h = harness();

    await expect(h.client.get('a/b?c')).resolves.toEqual(CLIENT);
    expect(scope.isDone()).toBe(true);
  });
});

describe('an Update whose outcome was uncertain on some attempt', () => {
  test('a 503 then a 400 is reported as possibly applied: the first attempt may have gone through', async () => {
    const scope = nock(BASE)
      .post(CLIENT_PATH)
      .reply(503, rpcStatus(14, 'unavailable'))
      .post(CLIENT_PATH)
      .reply(400, rpcStatus(3, 'invalid argument'));
    const h = harness({ maxAttempts: 2 });

    const error = await errorOf(h.client.update(ID, { displayName: 'x' }, ['displayName']));

    expect(error).toBeInstanceOf(C1Error);
    expect(error).toMatchObject({ status: 400, retryable: false, maybeApplied: true });
    expect(scope.isDone()).toBe(true);
  });

  test('a 400 on the only attempt is certainly not applied', async () => {
    const scope = nock(BASE).post(CLIENT_PATH).reply(400, rpcStatus(3, 'invalid argument'));
    const h = harness({ maxAttempts: 2 });

    const error = await errorOf(h.client.update(ID, { displayName: 'x' }, ['displayName']));

    expect(error).toMatchObject({ status: 400, maybeApplied: false });
    expect(scope.isDone()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 7. Hostile answers (issue 11): read for the schema's fields only, malformed ones named by operation

describe('hostile answers', () => {
  const deep = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  test('Get keeps only the schema fields of a record, however large or deep the rest', async () => {
    const body = `{"client":{"id":"${ID}","displayName":"ci","userId":null,"clientSecret":"PWNED","extra":${deep(100_000)}}}`;
    const scope = nock(BASE).get(CLIENT_PATH).reply(200, body);
    const h = harness();

    const record = await h.client.get(ID);

    expect(record).toEqual({ id: ID, displayName: 'ci' });
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['a list field that is a string', { ...CLIENT, allowSourceCidr: '0.0.0.0/0' }, 'allowSourceCidr is not a list of strings'],
    ['a list holding a number', { ...CLIENT, scopedRoles: ['r1', 7] }, 'scopedRoles is not a list of strings'],
    ['a deeply nested field the action reads', { ...CLIENT, displayName: [[[['x']]]] }, 'displayName is not a string'],
    ['an expiry that is a number', { ...CLIENT, expiresTime: 1700000000 }, 'expiresTime is not a string']
  ])('Get answering a record with %s fails naming Get and the field', async (_name, client, why) => {
    const scope = nock(BASE).get(CLIENT_PATH).reply(200, { client });
    const h = harness();

    const error = await errorOf(h.client.get(ID));

    expect(error).toBeInstanceOf(C1Error);
    expect(error).not.toBeInstanceOf(AcceptedMalformed);
    expect(error.message).toContain(GET_WHAT);
    expect(error.message).toContain(why);
    expect(scope.isDone()).toBe(true);
  });

  test('an Update accepted with a malformed record is AcceptedMalformed, naming the Update', async () => {
    const scope = nock(BASE)
      .post(CLIENT_PATH)
      .reply(200, { client: { ...CLIENT, allowSourceCidr: { all: true } } });
    const h = harness();

    const error = await errorOf(h.client.update(ID, { displayName: 'x' }, ['displayName']));

    expect(error).toBeInstanceOf(AcceptedMalformed);
    expect(error.message).toContain(`C1 accepted the Update of personal client '${ID}'`);
    expect(error.message).toContain('allowSourceCidr is not a list of strings');
    expect(h.sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  test('an Update answered with HTML is not taken as accepted (a proxy may have answered)', async () => {
    const scope = nock(BASE).post(CLIENT_PATH).reply(200, '<html>login</html>');
    const h = harness();

    const error = await errorOf(h.client.update(ID, { displayName: 'x' }, ['displayName']));

    expect(error).toBeInstanceOf(C1Error);
    expect(error).not.toBeInstanceOf(AcceptedMalformed);
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['list holds non-objects', '{"list":[1,2]}', 'item 0: the record is not an object'],
    ['a record whose clientId is a number', '{"list":[{"id":"a","clientId":5}]}', 'item 0: clientId is not a string'],
    ['a nextPageToken that is a number', '{"list":[],"nextPageToken":7}', 'nextPageToken that is not a string']
  ])('List answering %s fails naming List', async (_name, body, why) => {
    const scope = nock(BASE).get(LIST_PATH).reply(200, body);
    const h = harness();

    const error = await errorOf(h.client.listPage('', CALLER));

    expect(error).toBeInstanceOf(C1Error);
    expect(error.message).toContain('List of personal clients');
    expect(error.message).toContain(why);
    expect(scope.isDone()).toBe(true);
  });
});

describe('resolveTarget pages List within bounds', () => {
  const target = { kind: 'clientId', clientId: 'someone-else@acme.conductor.one/pcc' } as const;

  test(`stops after ${MAX_LIST_PAGES} pages of ever-new tokens, naming List`, async () => {
    let page = 0;
    const scope = nock(BASE)
      .get((path) => path.startsWith(LIST_PATH))
      .times(MAX_LIST_PAGES)
      .reply(200, () => ({ list: [], nextPageToken: `t${++page}` }));
    const h = harness();

    const error = await errorOf(resolveTarget(h.client, target, false));

    expect(error.message).toContain('List of personal clients');
    expect(error.message).toContain(`more than ${MAX_LIST_PAGES} pages`);
    expect(page).toBe(MAX_LIST_PAGES);
    expect(scope.isDone()).toBe(true);
  });

  test('stops at a repeated page token, naming List', async () => {
    const scope = nock(BASE)
      .get((path) => path.startsWith(LIST_PATH))
      .times(2)
      .reply(200, { list: [], nextPageToken: 'same' });
    const h = harness();

    const error = await errorOf(resolveTarget(h.client, target, false));

    expect(error.message).toContain('repeated a page token after 2 pages');
    expect(scope.isDone()).toBe(true);
  });

  test.each([
    ['..', 'a dot segment'],
    ['a/b', 'a slash'],
    ['x\n::warning::y', 'a line break'],
    ['', 'nothing']
  ])('refuses an id of %j (%s) that List gives for the credential', async (id) => {
    const scope = nock(BASE)
      .get(LIST_PATH)
      .reply(200, { list: [{ id, clientId: target.clientId }] });
    const h = harness();

    const error = await errorOf(resolveTarget(h.client, target, false));

    expect(error.message).toContain('not a valid personal client id');
    expect(scope.isDone()).toBe(true);
  });
});

describe('resolveTarget bounds the time List takes', () => {
  test(`stops once ${MAX_LIST_MS / 1000} s have passed, naming List`, async () => {
    const target = { kind: 'clientId', clientId: 'someone-else@acme.conductor.one/pcc' } as const;
    let page = 0;
    const scope = nock(BASE)
      .get((path) => path.startsWith(LIST_PATH))
      .times(3)
      .reply(200, () => ({ list: [], nextPageToken: `t${++page}` }));
    // Each page "takes" a minute on this clock.
    let clock = 0;
    const h = harness();

    const error = await errorOf(resolveTarget(h.client, target, false, () => (clock += 60_000)));

    expect(error.message).toContain('List of personal clients');
    expect(error.message).toContain(`more than ${MAX_LIST_MS / 1000} s over 3 pages`);
    expect(scope.isDone()).toBe(true);
  });
});
