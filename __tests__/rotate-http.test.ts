import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { useNock } from './nock-setup.js';
import { C1Client } from '../src/c1/client.js';
import { C1Error } from '../src/c1/errors.js';
import { rateLimitWait, send, GitHubError, type GitHubAnswer, type GitHubRequest } from '../src/github/api.js';
import { octokitRequest } from '../src/github/octokit.js';
import { GitHubStore } from '../src/github/store.js';
import type { GitHubTarget } from '../src/config/rotate.js';
import { createTransport } from '../src/net/http.js';
import { startGitHub } from './standin/github.mjs';

/*
 * HTTP edges of the rotation: the C1 client's credential calls with the real transport against nock, and the
 * GitHub side's retry rules with a scripted request function and, for Octokit and the sealed box, against the
 * GitHub stand-in (nock does not intercept Octokit's fetch).
 */

const BASE = 'https://acme.conductor.one';
const COLLECTION = '/api/v1/iam/personal_clients';

function newSecret(): { text: string; keyPart: string; d: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const { x, d } = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const keyPart = Buffer.from(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, d })).toString('base64url');
  return { text: `secret-token:conductorone.com:v1:${keyPart}`, keyPart, d };
}

function c1(maxAttempts = 3): { client: C1Client; masked: string[]; sleeps: number[] } {
  const masked: string[] = [];
  const sleeps: number[] = [];
  const client = new C1Client({
    tenant: { baseUrl: BASE, hostname: 'acme.conductor.one' },
    auth: { kind: 'token', token: 'tok', caller: undefined },
    transport: createTransport('test'),
    timeoutMs: 2_000,
    retry: { maxAttempts, sleep: (ms) => (sleeps.push(ms), Promise.resolve()), random: () => 0.5, log: () => undefined },
    tokenDeps: { now: () => new Date(), getIdToken: () => Promise.reject(new Error('no')), mask: (s) => masked.push(s) },
    debug: () => undefined
  });
  return { client, masked, sleeps };
}

useNock();

describe('C1 Create', () => {
  const fields = { displayName: 'ci', allowSourceCidr: ['10.0.0.0/8'], scopedRoles: [], expires: '2592000s' };

  test('sends the pcc body and masks the secret whole, its key part and d before returning', async () => {
    const secret = newSecret();
    const scope = nock(BASE)
      .post(COLLECTION, { displayName: 'ci', allowSourceCidr: ['10.0.0.0/8'], scopedRoles: [], expires: '2592000s' })
      .reply(200, { client: { id: 'n1', clientId: 'n1@acme.conductor.one/pcc', displayName: 'ci' }, clientSecret: secret.text });
    const { client, masked } = c1();
    const created = await client.createCredential({ kind: 'pcc' }, fields);
    expect(created.record.clientId).toBe('n1@acme.conductor.one/pcc');
    expect(masked).toEqual(expect.arrayContaining([secret.text, secret.keyPart, secret.d]));
    scope.done();
  });

  test('spc: allowSourceCidrs in the body, the credential read from `credential`', async () => {
    const secret = newSecret();
    nock(BASE)
      .post('/api/v1/service_principals/sp%201/credentials', {
        displayName: 'ci',
        allowSourceCidrs: ['10.0.0.0/8'],
        scopedRoles: [],
        expires: '2592000s'
      })
      .reply(200, {
        credential: { id: 'c2', clientId: 'c2@acme.conductor.one/spc', expiresAt: '2026-04-01T00:00:00Z' },
        clientSecret: secret.text
      });
    const created = await c1().client.createCredential({ kind: 'spc', servicePrincipalId: 'sp 1' }, fields);
    expect(created.record.expiresTime).toBe('2026-04-01T00:00:00Z');
  });

  test('429 is sent again; nothing was created', async () => {
    const secret = newSecret();
    nock(BASE).post(COLLECTION).reply(429, { code: 8, message: 'slow down' });
    nock(BASE)
      .post(COLLECTION)
      .reply(200, { client: { id: 'n1', clientId: 'n1@acme.conductor.one/pcc' }, clientSecret: secret.text });
    const { client, sleeps } = c1();
    await expect(client.createCredential({ kind: 'pcc' }, fields)).resolves.toBeDefined();
    expect(sleeps).toHaveLength(1);
  });

  test.each<[string, (scope: nock.Interceptor) => nock.Scope]>([
    ['a 503', (i) => i.reply(503, { code: 14, message: 'unavailable' })],
    ['a reset connection', (i) => i.replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })],
    ['a 200 without the secret', (i) => i.reply(200, { client: { id: 'n1', clientId: 'n1@acme.conductor.one/pcc' } })]
  ])('%s is an unknown outcome and is not sent again', async (_name, reply) => {
    reply(nock(BASE).post(COLLECTION));
    const error = await c1()
      .client.createCredential({ kind: 'pcc' }, fields)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(C1Error);
    expect((error as C1Error).maybeApplied).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('a 200 that is not JSON is an unknown outcome, and its body (maybe the new secret) is not quoted', async () => {
    const secret = newSecret();
    nock(BASE).post(COLLECTION).reply(200, `{"clientSecret":"${secret.text}"`);
    const error = (await c1()
      .client.createCredential({ kind: 'pcc' }, fields)
      .catch((e: unknown) => e)) as C1Error;
    expect(error).toBeInstanceOf(C1Error);
    expect([error.status, error.maybeApplied]).toEqual([200, true]);
    expect(error.message).toMatch(/not JSON/u);
    expect(error.message).not.toContain(secret.keyPart.slice(0, 12));
  });

  test('a 400 is a rejection (nothing created)', async () => {
    nock(BASE).post(COLLECTION).reply(400, { code: 3, message: 'bad' });
    const error = (await c1()
      .client.createCredential({ kind: 'pcc' }, fields)
      .catch((e: unknown) => e)) as C1Error;
    expect([error.status, error.maybeApplied]).toEqual([400, false]);
  });
});

describe('C1 Delete, List and introspect', () => {
  test('Delete sends {} and reads 404 as already gone', async () => {
    nock(BASE).delete(`${COLLECTION}/a`, {}).reply(200, {});
    nock(BASE).delete(`${COLLECTION}/b`, {}).reply(404, { code: 5, message: 'not found' });
    const { client } = c1();
    expect(await client.revokeCredential({ kind: 'pcc', id: 'a' })).toBe('revoked');
    expect(await client.revokeCredential({ kind: 'pcc', id: 'b' })).toBe('already gone');
  });

  test('spc ListCredentials reads the spc field names and the page token', async () => {
    nock(BASE)
      .get('/api/v1/service_principals/sp/credentials')
      .query({ pageToken: 't1' })
      .reply(200, {
        list: [
          {
            id: 'c',
            clientId: 'c@acme.conductor.one/spc',
            allowSourceCidrs: ['10.0.0.0/8'],
            scopedRoleIds: ['r'],
            expiresAt: null,
            requireDpop: true
          }
        ],
        nextPageToken: 't2'
      });
    const page = await c1().client.credentialPage({ kind: 'spc', servicePrincipalId: 'sp' }, 't1');
    expect(page.nextPageToken).toBe('t2');
    expect(page.list[0]).toMatchObject({ allowSourceCidr: ['10.0.0.0/8'], scopedRoles: ['r'], expiresTime: null, requireDpop: true });
  });

  test.each<[string, string]>([
    ['..', '..'],
    ['.', '.'],
    ['a slash', 'a/b']
  ])('an id from C1 that is %s is refused, naming the call, before it reaches a path', async (_name, id) => {
    const secret = newSecret();
    nock(BASE)
      .get(COLLECTION)
      .reply(200, { list: [{ id, clientId: 'x@acme.conductor.one/pcc' }] });
    nock(BASE)
      .get(`${COLLECTION}/a`)
      .reply(200, { client: { id, clientId: 'x@acme.conductor.one/pcc' } });
    nock(BASE)
      .post(COLLECTION)
      .reply(200, { client: { id, clientId: 'x@acme.conductor.one/pcc' }, clientSecret: secret.text });
    nock(BASE).get('/api/v1/auth/introspect').reply(200, { userId: id });
    const { client } = c1();
    await expect(client.credentialPage({ kind: 'pcc' }, '')).rejects.toThrow(
      /^C1 List of personal clients gave a credential id that is not an id/u
    );
    await expect(client.readCredential({ kind: 'pcc', id: 'a' })).rejects.toThrow(/^C1 Get of personal client 'a' gave a credential id/u);
    const created = (await client
      .createCredential({ kind: 'pcc' }, { displayName: 'ci', allowSourceCidr: [], scopedRoles: [], expires: '1s' })
      .catch((e: unknown) => e)) as C1Error;
    expect([created.message.startsWith('C1 Create of a personal client gave a credential id'), created.maybeApplied]).toEqual([true, true]);
    await expect(client.introspect()).rejects.toThrow(/^C1 introspect gave a userId that is not an id/u);
  });

  test('a deeply nested answer to Get or introspect fails naming the call, not with a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    nock(BASE).get(`${COLLECTION}/a`).reply(200, `{"client":${deep}}`, { 'content-type': 'application/json' });
    nock(BASE).get('/api/v1/auth/introspect').reply(200, deep, { 'content-type': 'application/json' });
    const { client } = c1();
    await expect(client.readCredential({ kind: 'pcc', id: 'a' })).rejects.toThrow(
      /^C1 Get of personal client 'a' answered 200 without a usable credential \(got an object with \["a"\]\)\.$/u
    );
    await expect(client.introspect()).rejects.toThrow(/^C1 introspect answered without a userId \(got an object with \["a"\]\)\.$/u);
  });

  test('introspect gives the userId', async () => {
    nock(BASE).get('/api/v1/auth/introspect').reply(200, { userId: 'u1', principleId: 'p' });
    expect(await c1().client.introspect()).toEqual({ userId: 'u1' });
  });
});

describe('GitHub retries and rate limits', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const answer = (status: number, headers: Record<string, string> = {}, message = ''): GitHubAnswer => ({
    status,
    headers,
    data: { message }
  });

  test.each<[string, GitHubAnswer, number | undefined]>([
    ['429 with retry-after', answer(429, { 'retry-after': '3' }), 3_000],
    ['403 secondary rate limit', answer(403, {}, 'You have exceeded a secondary rate limit'), 1_000],
    [
      'remaining 0 waits until the reset',
      answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now.getTime() / 1000 + 20) }),
      20_000
    ],
    ['capped at 60 s', answer(429, { 'retry-after': '600' }), 60_000],
    ['a plain 403 is a permission error', answer(403, {}, 'Resource not accessible by integration'), undefined],
    ['a 200 is not limited', answer(200, { 'x-ratelimit-remaining': '0' }), undefined]
  ])('%s', (_name, a, wait) => {
    expect(rateLimitWait(a, now)).toBe(wait);
  });

  function scripted(...steps: (GitHubAnswer | Error)[]): { request: GitHubRequest; calls: () => number } {
    let calls = 0;
    return {
      request: () => {
        const step = steps[calls++];
        return step instanceof Error ? Promise.reject(step) : Promise.resolve(step ?? answer(500));
      },
      calls: () => calls
    };
  }
  const retry = { maxAttempts: 3, sleep: () => Promise.resolve(), random: () => 0, now: () => now, log: () => undefined };

  test('a 5xx then a success is retried', async () => {
    const s = scripted(answer(502), answer(204));
    expect((await send(s.request, retry, 'w', 'PUT', '/x')).status).toBe(204);
    expect(s.calls()).toBe(2);
  });

  test('a permission 403 is returned at once, not retried', async () => {
    const s = scripted(answer(403, {}, 'nope'));
    expect((await send(s.request, retry, 'w', 'PUT', '/x')).status).toBe(403);
    expect(s.calls()).toBe(1);
  });

  test('network errors to the end are an unknown outcome; rate limits to the end are a rejection', async () => {
    const net = scripted(new Error('reset'), new Error('reset'), new Error('reset'));
    await expect(send(net.request, retry, 'w', 'PUT', '/x')).rejects.toMatchObject({ outcome: 'unknown' });
    const limited = scripted(answer(429), answer(429), answer(429));
    await expect(send(limited.request, retry, 'w', 'PUT', '/x')).rejects.toMatchObject({ outcome: 'rejected' });
    const mixed = scripted(answer(503), answer(429), answer(429));
    const error = await send(mixed.request, retry, 'w', 'PUT', '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).outcome).toBe('unknown');
  });

  test('a final 4xx after an attempt that timed out is an unknown outcome, not a rejection', async () => {
    const after = scripted(new Error('timeout'), answer(422, {}, 'invalid'));
    expect(await send(after.request, retry, 'w', 'PUT', '/x')).toMatchObject({ status: 422, uncertain: true });
    const clean = scripted(answer(422, {}, 'invalid'));
    expect((await send(clean.request, retry, 'w', 'PUT', '/x')).uncertain).toBeUndefined();

    const target: GitHubTarget = {
      token: 't',
      apiUrl: 'https://api.github.example',
      scope: 'repository',
      owner: 'acme',
      repo: 'app',
      environment: undefined,
      organization: '',
      secretName: 'S',
      clientId: { as: 'variable', name: 'V' }
    };
    const write = (request: GitHubRequest): Promise<unknown> =>
      new GitHubStore(target, request, retry).writeVariable('V', 'new', { exists: true }).catch((e: unknown) => e);
    expect(await write(scripted(new Error('timeout'), answer(403, {}, 'nope')).request)).toMatchObject({ status: 403, outcome: 'unknown' });
    expect(await write(scripted(answer(403, {}, 'nope')).request)).toMatchObject({ status: 403, outcome: 'rejected' });
  });
});

describe('GitHub through Octokit against the stand-in', () => {
  test('the sealed box opens to the plaintext; an org secret keeps its visibility', async () => {
    const gh = await startGitHub();
    try {
      gh.setSecret('org:acme', 'S', 'old', { visibility: 'all' });
      const target: GitHubTarget = {
        token: gh.appToken,
        apiUrl: gh.url,
        scope: 'organization',
        owner: '',
        repo: '',
        environment: undefined,
        organization: 'acme',
        secretName: 'S',
        clientId: { as: 'variable', name: 'V' }
      };
      const store = new GitHubStore(target, octokitRequest(gh.appToken, gh.url, 5_000), {
        maxAttempts: 2,
        sleep: () => Promise.resolve(),
        random: () => 0,
        now: () => new Date(),
        log: () => undefined
      });
      const pre = await store.preflight();
      expect(pre.secret).toEqual({ exists: true, visibility: 'all' });
      expect(pre.clientId).toEqual({ exists: false });
      await store.putSecret('S', 'new value ✓', pre.key, pre.secret);
      await store.writeClientId('id@x.example/pcc', pre);
      expect(gh.secretEntry('org:acme', 'S')).toMatchObject({ plaintext: 'new value ✓', visibility: 'all' });
      expect(gh.variableEntry('org:acme', 'V')).toMatchObject({ value: 'id@x.example/pcc', visibility: 'private' });
    } finally {
      await gh.close();
    }
  });
});
