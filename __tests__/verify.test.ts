// Unit tests for `verify: token`: the input rules (config/verify.ts through parseConfig), the retry schedule of
// mintUntilAccepted with an injected clock and sleep, and C1Client.mintOnce over a recording transport.
import { generateKeyPairSync } from 'node:crypto';
import { C1Client, type MintAttempt } from '../src/c1/client.js';
import { mintUntilAccepted, verifyDelayMs, worthRetrying, type Credential } from '../src/c1/verify.js';
import type { Environment } from '../src/config/connection.js';
import { parseConfig } from '../src/config/inputs.js';
import { parseClientSecret } from '../src/config/secret.js';
import { parseClientId } from '../src/config/tenant.js';
import type { VerifyConfig } from '../src/config/verify.js';
import type { HttpRequest, HttpResponse } from '../src/net/http.js';
import { inputErrorOf } from './helpers.js';

type Inputs = Readonly<Record<string, string>>;

const NOW = new Date('2026-03-01T12:00:00Z');

function makeSecret(): { value: string; encoded: string; d: string } {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const encoded = Buffer.from(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d })).toString('base64url');
  return { value: `secret-token:conductorone.com:v1:${encoded}`, encoded, d: jwk.d ?? '' };
}

const CALLER_SECRET = makeSecret();
const TARGET_SECRET = makeSecret();
const CALLER = 'ci-caller@acme.conductor.one/pcc';
const OIDC_ENV = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt' };

const asToken: Inputs = { token: 't', tenant: 'acme' };
const asCaller: Inputs = { 'client-id': CALLER, 'client-secret': CALLER_SECRET.value };

function verifyOf(inputs: Inputs, env: Environment = {}): VerifyConfig {
  const read = (name: string): string => ({ 'display-name': 'ci', 'personal-client-id': 'blue-whale-1', ...inputs })[name] ?? '';
  return parseConfig(read, env, NOW).verify;
}

function tokenMode(verify: VerifyConfig): Extract<VerifyConfig, { mode: 'token' }> {
  if (verify.mode !== 'token') throw new Error('expected verify: token');
  return verify;
}

describe('verify inputs', () => {
  test('verify defaults to none, and verify-timeout to 60 s', () => {
    expect(verifyOf(asToken)).toEqual({ mode: 'none' });
    expect(tokenMode(verifyOf({ ...asToken, verify: 'token', 'verify-client-secret': TARGET_SECRET.value })).timeoutMs).toBe(60_000);
  });

  test.each<[string, Inputs, Environment, { secretFrom: string; clientId: string | undefined; d: string }]>([
    [
      "the caller's own credential (self) with its client-secret",
      { ...asCaller, 'personal-client-id': 'self' },
      {},
      { secretFrom: 'client-secret', clientId: CALLER, d: CALLER_SECRET.d }
    ],
    [
      "an id equal to the caller's name",
      { ...asCaller, 'personal-client-id': 'ci-caller' },
      {},
      { secretFrom: 'client-secret', clientId: CALLER, d: CALLER_SECRET.d }
    ],
    [
      "the caller's full client ID, host in another case",
      { ...asCaller, 'personal-client-id': 'ci-caller@ACME.conductor.one/pcc' },
      {},
      { secretFrom: 'client-secret', clientId: CALLER, d: CALLER_SECRET.d }
    ],
    [
      'self through env CONDUCTORONE_CLIENT_ID and CONDUCTORONE_CLIENT_SECRET',
      { 'personal-client-id': 'self' },
      { CONDUCTORONE_CLIENT_ID: CALLER, CONDUCTORONE_CLIENT_SECRET: CALLER_SECRET.value },
      { secretFrom: 'client-secret', clientId: CALLER, d: CALLER_SECRET.d }
    ],
    [
      'another credential, by id, with verify-client-secret (client ID from C1 later)',
      { ...asToken, 'verify-client-secret': TARGET_SECRET.value },
      {},
      { secretFrom: 'verify-client-secret', clientId: undefined, d: TARGET_SECRET.d }
    ],
    [
      'another credential, by full client ID, with verify-client-secret',
      { ...asCaller, 'personal-client-id': 'blue-whale-1@acme.conductor.one/pcc', 'verify-client-secret': TARGET_SECRET.value },
      {},
      { secretFrom: 'verify-client-secret', clientId: 'blue-whale-1@acme.conductor.one/pcc', d: TARGET_SECRET.d }
    ],
    [
      "self with verify-client-secret: the explicit secret wins over the caller's",
      { ...asCaller, 'personal-client-id': 'self', 'verify-client-secret': TARGET_SECRET.value },
      {},
      { secretFrom: 'verify-client-secret', clientId: CALLER, d: TARGET_SECRET.d }
    ]
  ])('verify: token proves %s', (_name, inputs, env, expected) => {
    const verify = tokenMode(verifyOf({ ...inputs, verify: 'token' }, env));
    expect({ secretFrom: verify.secretFrom, clientId: verify.clientId?.value, d: verify.secret.d }).toEqual(expected);
  });

  test.each<[string, Inputs, Environment, RegExp]>([
    ['a given token', asToken, {}, /access token/],
    ['a given token naming the caller, target self', { ...asToken, 'client-id': CALLER, 'personal-client-id': 'self' }, {}, /access token/],
    ['a given token, in a dry run too', { ...asToken, 'dry-run': 'true' }, {}, /access token/],
    ['env CONDUCTORONE_ACCESS_TOKEN', { tenant: 'acme' }, { CONDUCTORONE_ACCESS_TOKEN: 'env-token' }, /access token/],
    ['the OIDC exchange', { 'client-id': 'trust-3@acme.conductor.one/wfe' }, OIDC_ENV, /OIDC/],
    ["the caller's secret for another credential", asCaller, {}, /belongs to ci-caller@acme\.conductor\.one\/pcc/],
    [
      'an spc caller whose name equals the target id',
      { 'client-id': 'blue-whale-1@acme.conductor.one/spc', 'client-secret': CALLER_SECRET.value },
      {},
      /belongs to/
    ]
  ])('verify: token with no way to mint for the target (%s) is an error naming verify-client-secret', (_name, inputs, env, why) => {
    const error = inputErrorOf(() => verifyOf({ ...inputs, verify: 'token' }, env));
    expect(error.input).toBe('verify-client-secret');
    expect(error.message).toMatch(why);
    expect(error.message).toContain('verify: none');
    expect(error.message).not.toContain(CALLER_SECRET.d);
  });

  test.each<[string, Inputs, string, RegExp]>([
    ['an unknown verify mode', { verify: 'yes' }, 'verify', /expected one of none, token/],
    ['a verify-timeout over 5m', { 'verify-timeout': '6m' }, 'verify-timeout', /at most 5m/],
    ['a verify-timeout that is not a duration', { 'verify-timeout': '60' }, 'verify-timeout', /duration/],
    [
      'a verify-client-secret that is not a C1 secret',
      { 'verify-client-secret': 'hunter2' },
      'verify-client-secret',
      /not a C1 client secret/
    ]
  ])('refuses %s, even with verify: none', (_name, inputs, input, message) => {
    const error = inputErrorOf(() => verifyOf({ ...asToken, ...inputs }));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('hunter2');
  });

  test('accepts verify-timeout up to 5m in any duration form', () => {
    const secret = { 'verify-client-secret': TARGET_SECRET.value, verify: 'TOKEN' };
    expect(tokenMode(verifyOf({ ...asToken, ...secret, 'verify-timeout': '5m' })).timeoutMs).toBe(300_000);
    expect(tokenMode(verifyOf({ ...asToken, ...secret, 'verify-timeout': 'PT90S' })).timeoutMs).toBe(90_000);
  });

  test('warns that a verify-client-secret has no effect with verify: none', () => {
    const read = (name: string): string =>
      ({ ...asToken, 'display-name': 'ci', 'personal-client-id': 'b', 'verify-client-secret': TARGET_SECRET.value })[name] ?? '';
    const warnings = parseConfig(read, {}, NOW).warnings;
    expect(warnings).toContain('verify-client-secret is given but verify is none; it has no effect.');
    expect(warnings.join('\n')).not.toContain(TARGET_SECRET.encoded.slice(0, 12));
  });
});

describe('the verification retry schedule', () => {
  test('waits 0.5 s, doubling, at most 5 s apart', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(verifyDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  const refused = (status: number, oauthError?: string): MintAttempt => ({
    kind: 'refused',
    status,
    oauthError,
    message: `HTTP ${status}`
  });

  test.each<[string, MintAttempt, boolean]>([
    ['401', refused(401, 'invalid_client'), true],
    ['403', refused(403), true],
    ['429', refused(429), true],
    ['500', refused(500), true],
    ['503', refused(503), true],
    ['a network error', { kind: 'network', message: 'ECONNRESET' }, true],
    ['400 invalid_client', refused(400, 'invalid_client'), true],
    ['400 invalid_grant', refused(400, 'invalid_grant'), true],
    ['400 unauthorized_client', refused(400, 'unauthorized_client'), true],
    ['400 access_denied', refused(400, 'access_denied'), true],
    ['400 invalid_request', refused(400, 'invalid_request'), false],
    ['400 without an OAuth error', refused(400), false],
    ['404', refused(404), false],
    ['a 200 without an access_token', refused(200), false]
  ])('retries %s: %s', (_name, attempt, expected) => {
    expect(worthRetrying(attempt)).toBe(expected);
  });

  test.each<[string, MintAttempt, boolean]>([
    ['400 invalid_client', refused(400, 'invalid_client'), false],
    ['400 access_denied', refused(400, 'access_denied'), false],
    ['401', refused(401, 'invalid_client'), true],
    ['403', refused(403), true],
    ['503', refused(503), true],
    ['a network error', { kind: 'network', message: 'ECONNRESET' }, true]
  ])('for rotation (rotation.md retries only 401, 403, 429, 5xx, network), retries %s: %s', (_name, attempt, expected) => {
    expect(worthRetrying(attempt, false)).toBe(expected);
  });

  /** A fake C1 client: each mint answers from the script (the last entry repeats) and takes `mintMs` of the fake clock. */
  function world(script: MintAttempt[], mintMs = 0) {
    let now = 1_000_000;
    const sleeps: number[] = [];
    const attemptsAt: number[] = [];
    const log: string[] = [];
    const client = {
      mintOnce: (): Promise<MintAttempt> => {
        attemptsAt.push(now - 1_000_000);
        now += mintMs;
        return Promise.resolve(script[Math.min(attemptsAt.length - 1, script.length - 1)] ?? { kind: 'accepted' });
      }
    } as unknown as C1Client;
    const deps = {
      clock: () => now,
      sleep: (ms: number) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
      log: (line: string) => log.push(line)
    };
    return { client, deps, sleeps, attemptsAt, log };
  }

  const credential: Credential = {
    clientId: parseClientId('client-id', CALLER),
    secret: parseClientSecret('client-secret', CALLER_SECRET.value)
  };
  const no = refused(401, 'invalid_client');

  test('is accepted after the refusals, with the waits of the schedule and the time on the clock', async () => {
    const w = world([no, no, no, { kind: 'accepted' }], 100);
    const result = await mintUntilAccepted(w.client, credential, 60_000, w.deps);
    expect(w.sleeps).toEqual([500, 1000, 2000]);
    expect(w.attemptsAt).toEqual([0, 600, 1700, 3800]);
    expect(result).toEqual({ accepted: true, afterMs: 3900, attempts: 4 });
    expect(w.log).toEqual([
      'verification attempt 1 refused (HTTP 401); trying again in 0.5 s',
      'verification attempt 2 refused (HTTP 401); trying again in 1.0 s',
      'verification attempt 3 refused (HTTP 401); trying again in 2.0 s'
    ]);
  });

  test('keeps trying until the timeout, with one last attempt at the deadline', async () => {
    const w = world([no]);
    const result = await mintUntilAccepted(w.client, credential, 20_000, w.deps);
    // 0, 0.5, 1.5, 3.5, 7.5, 12.5, 17.5, then the last wait cut to the 20 s deadline.
    expect(w.attemptsAt).toEqual([0, 500, 1500, 3500, 7500, 12_500, 17_500, 20_000]);
    expect(w.sleeps.every((ms) => ms <= 5000)).toBe(true);
    expect(result).toEqual({ accepted: false, afterMs: 20_000, attempts: 8, last: 'HTTP 401', final: false });
  });

  test('counts the time a slow attempt takes toward the timeout', async () => {
    const w = world([{ kind: 'network', message: 'timed out' }], 4000);
    const result = await mintUntilAccepted(w.client, credential, 10_000, w.deps);
    expect(w.attemptsAt).toEqual([0, 4500, 9500]);
    expect(result).toMatchObject({ accepted: false, afterMs: 13_500, attempts: 3, last: 'timed out', final: false });
  });

  test('stops at once on an answer that waiting will not change', async () => {
    const w = world([refused(400, 'invalid_request')]);
    const result = await mintUntilAccepted(w.client, credential, 60_000, w.deps);
    expect(w.sleeps).toEqual([]);
    expect(result).toEqual({ accepted: false, afterMs: 0, attempts: 1, last: 'HTTP 400', final: true });
  });
});

describe('C1Client.mintOnce', () => {
  function clientWith(answer: (request: HttpRequest) => Promise<HttpResponse>) {
    const masked: string[] = [];
    const requests: HttpRequest[] = [];
    const client = new C1Client({
      tenant: { baseUrl: 'https://acme.conductor.one', hostname: 'acme.conductor.one' },
      auth: { kind: 'token', token: 'caller-token', caller: undefined },
      transport: (request) => {
        requests.push(request);
        return answer(request);
      },
      timeoutMs: 1000,
      retry: { maxAttempts: 5, sleep: () => Promise.resolve(), random: () => 0, log: () => undefined },
      tokenDeps: { now: () => new Date(), getIdToken: () => Promise.reject(new Error('unused')), mask: (s) => masked.push(s) },
      debug: () => undefined
    });
    return { client, masked, requests };
  }
  const json = (status: number, body: unknown): Promise<HttpResponse> =>
    Promise.resolve({ status, headers: {}, body: JSON.stringify(body) });
  const target = parseClientId('personal-client-id', 'blue-whale-1@acme.conductor.one/pcc');
  const secret = parseClientSecret('verify-client-secret', TARGET_SECRET.value);

  test("signs with the credential's own key, once, without the caller's bearer, and masks assertion and token", async () => {
    const h = clientWith(() => json(200, { access_token: 'minted-token', token_type: 'Bearer', expires_in: 600 }));
    expect(await h.client.mintOnce(target, secret)).toEqual({ kind: 'accepted' });
    expect(h.requests).toHaveLength(1);
    const request = h.requests[0]!;
    expect(request.url).toBe('https://acme.conductor.one/auth/v1/token');
    expect(request.headers?.authorization).toBeUndefined();
    const form = new URLSearchParams(request.body);
    expect(form.get('client_id')).toBe(target.value);
    expect(h.masked).toEqual([form.get('client_assertion'), 'minted-token']);
  });

  test('reports a refusal with its status and OAuth error, not retried', async () => {
    const h = clientWith(() => json(401, { error: 'invalid_client', error_description: 'source address 198.51.100.9 is not allowed' }));
    expect(await h.client.mintOnce(target, secret)).toEqual({
      kind: 'refused',
      status: 401,
      oauthError: 'invalid_client',
      message: 'HTTP 401 (unauthenticated): invalid_client: source address 198.51.100.9 is not allowed'
    });
    expect(h.requests).toHaveLength(1);
  });

  test('reports a network error without throwing', async () => {
    const h = clientWith(() => Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
    expect(await h.client.mintOnce(target, secret)).toEqual({ kind: 'network', message: 'ECONNRESET (socket hang up)' });
  });
});
