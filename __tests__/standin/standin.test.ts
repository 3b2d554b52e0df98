import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { generateCredential, startC1 } from './c1.mjs';
import { startEcho } from './echo.mjs';
import { startOidc } from './oidc.mjs';

type C1 = Awaited<ReturnType<typeof startC1>>;
type Json = Record<string, unknown>;

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** assertion signs a client assertion the way C1's SDKs do, with `privateKey`; overrides replace claims. */
function assertion(clientId: string, privateKey: KeyObject, overrides: Json = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'EdDSA', nonce: randomBytes(16).toString('hex') };
  const claims = { iss: clientId, sub: clientId, aud: '127.0.0.1', iat: now, nbf: now - 120, exp: now + 120, ...overrides };
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

function callerKey(c1: C1): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: c1.caller.x, d: c1.caller.d }, format: 'jwk' });
}

async function postForm(c1: C1, form: Record<string, string>): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${c1.url}/auth/v1/token`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Json };
}

async function api(
  c1: C1,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token = c1.issueToken()
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${c1.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  });
  return { status: res.status, body: (await res.json()) as Json };
}

function assertionForm(clientId: string, signed: string): Record<string, string> {
  return {
    client_id: clientId,
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: signed
  };
}

describe('C1 stand-in', () => {
  let c1: C1;

  beforeEach(async () => {
    c1 = await startC1();
  });

  afterEach(async () => {
    await c1.close();
  });

  it('mints a token for a correctly signed assertion, and the token opens the API', async () => {
    const { status, body } = await postForm(c1, assertionForm(c1.caller.clientId, assertion(c1.caller.clientId, callerKey(c1))));

    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(body.access_token).toMatch(/^[\w-]{43}$/);
    const got = await api(c1, 'GET', `/iam/personal_clients/${c1.caller.id}`, undefined, body.access_token as string);
    expect(got.status).toBe(200);
    expect(got.body.client).toMatchObject({ id: 'ci-caller', clientId: c1.caller.clientId, displayName: 'CI caller' });
  });

  it.each([
    ['a key that is not the client’s', { key: 'other' }, /signature/],
    ['the wrong audience', { claims: { aud: 'acme.conductor.one' } }, /aud/],
    ['an expired exp', { claims: { exp: Math.floor(Date.now() / 1000) - 10 } }, /expired/],
    ['an exp too far ahead', { claims: { exp: Math.floor(Date.now() / 1000) + 600 } }, /300 s/]
  ])('refuses an assertion with %s as invalid_client', async (_name, change: { key?: string; claims?: Json }, reason) => {
    const key = change.key === undefined ? callerKey(c1) : generateKeyPairSync('ed25519').privateKey;

    const { status, body } = await postForm(c1, assertionForm(c1.caller.clientId, assertion(c1.caller.clientId, key, change.claims)));

    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(reason);
  });

  it('accepts the whole client secret of a registered credential', async () => {
    const spc = generateCredential('robot', '127.0.0.1', 'spc');
    c1.register(spc);

    const { status } = await postForm(c1, { client_id: spc.clientId, grant_type: 'client_credentials', client_secret: spc.secret });

    expect(status).toBe(200);
  });

  it('updates only the masked fields and clears a masked field absent from client', async () => {
    c1.seed({ id: 'blue-whale-12345', displayName: 'old', scopedRoles: ['role-1'], allowSourceCidr: ['10.0.0.0/8'] });

    const { status, body } = await api(c1, 'POST', '/iam/personal_clients/blue-whale-12345', {
      client: { allowSourceCidr: ['2001:db8::/32', '203.0.113.7/32'], displayName: 'ignored: not in the mask' },
      updateMask: 'allowSourceCidr,scopedRoles'
    });

    expect(status).toBe(200);
    expect(body.client).toMatchObject({ displayName: 'old', scopedRoles: [], allowSourceCidr: ['2001:db8::/32', '203.0.113.7/32'] });
    expect(c1.record('blue-whale-12345')).toEqual(body.client);
  });

  it.each([
    ['a snake_case mask', { client: {}, updateMask: 'allow_source_cidr' }, 'unknown field "allow_source_cidr" in updateMask'],
    ['a CIDR with host bits', { client: { allowSourceCidr: ['10.1.2.3/8'] }, updateMask: 'allowSourceCidr' }, '"10.0.0.0/8"'],
    ['a timestamp that is not RFC 3339', { client: { expiresTime: '2027-02-30T00:00:00Z' }, updateMask: 'expiresTime' }, 'RFC 3339']
  ])('answers 400 INVALID_ARGUMENT to %s and changes nothing', async (_name, request, message) => {
    const before = c1.record(c1.caller.id);

    const { status, body } = await api(c1, 'POST', `/iam/personal_clients/${c1.caller.id}`, request);

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 3, details: [] });
    expect(body.message).toContain(message);
    expect(c1.record(c1.caller.id)).toEqual(before);
  });

  it('answers 401 UNAUTHENTICATED without a bearer token and after revocation', async () => {
    const bare = await fetch(`${c1.url}/api/v1/iam/personal_clients`);
    const token = c1.issueToken();
    c1.revokeTokens();
    const revoked = await api(c1, 'GET', '/iam/personal_clients', undefined, token);

    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ code: 16, message: 'unauthenticated: invalid or expired token', details: [] });
    expect(revoked.status).toBe(401);
    expect(c1.requests.map((request) => request.bearer)).toEqual([undefined, token]);
  });

  it('pages List by nextPageToken in id order', async () => {
    for (const id of ['c-3', 'a-1', 'b-2']) c1.seed({ id });
    const token = c1.issueToken();
    const ids: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const { body } = await api(c1, 'GET', `/iam/personal_clients${pageToken && `?pageToken=${pageToken}`}`, undefined, token);
      ids.push(...(body.list as Json[]).map((client) => client.id as string));
      pageToken = body.nextPageToken as string;
      pages++;
    } while (pageToken !== '');

    expect(ids).toEqual(['a-1', 'b-2', 'c-3', 'ci-caller']);
    expect(pages).toBe(2);
  });

  it('uses a queued fault once, without applying the faulted Update', async () => {
    c1.addFault('update', { status: 503, headers: { 'Retry-After': '1' } });
    const request = { client: { displayName: 'new' }, updateMask: 'displayName' };

    const faulted = await api(c1, 'POST', `/iam/personal_clients/${c1.caller.id}`, request);
    expect(c1.record(c1.caller.id)?.displayName).toBe('CI caller');
    const next = await api(c1, 'POST', `/iam/personal_clients/${c1.caller.id}`, request);

    expect(faulted.status).toBe(503);
    expect(faulted.body).toMatchObject({ code: 14, details: [] });
    expect(next.status).toBe(200);
    expect(c1.record(c1.caller.id)?.displayName).toBe('new');
    expect(c1.faults.update).toHaveLength(0);
    expect(c1.requests.map((request) => [request.route, request.status])).toEqual([
      ['update', 503],
      ['update', 200]
    ]);
  });

  it('applies an Update delayed past the client’s timeout, whose answer is then lost', async () => {
    c1.addFault('update', { delayMs: 2000 });

    const call = api(c1, 'POST', `/iam/personal_clients/${c1.caller.id}`, { client: {}, updateMask: 'scopedRoles' });
    await expect(Promise.race([call, new Promise((resolve) => setTimeout(resolve, 300, 'timed out'))])).resolves.toBe('timed out');

    expect(c1.record(c1.caller.id)?.scopedRoles).toEqual([]);
    await c1.close();
    await expect(call).rejects.toThrow();
  });
});

describe('OIDC stand-in with the C1 token exchange', () => {
  it('exchanges a GitHub token for the tenant audience and refuses another audience', async () => {
    const oidc = await startOidc();
    const c1 = await startC1({ oidc: { publicKey: oidc.publicKey, issuer: oidc.issuer, audience: '127.0.0.1' } });
    try {
      const wfe = `trust@127.0.0.1:${c1.port}/wfe`;
      c1.registerWfe(wfe);
      const exchange = async (audience: string): Promise<{ status: number; body: Json }> => {
        const res = await fetch(`${oidc.requestUrl}&audience=${encodeURIComponent(audience)}`, {
          headers: { authorization: `Bearer ${oidc.requestToken}` }
        });
        const { value } = (await res.json()) as { value: string };
        return postForm(c1, {
          grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
          subject_token: value,
          subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
          client_id: wfe
        });
      };

      const good = await exchange('127.0.0.1');
      const wrong = await exchange('https://github.com/acme');

      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({ token_type: 'Bearer', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_grant');
      expect(wrong.body.error_description).toContain('aud');
      expect(oidc.requests.map((request) => request.audience)).toEqual(['127.0.0.1', 'https://github.com/acme']);
    } finally {
      await c1.close();
      await oidc.close();
    }
  });

  it('refuses a request without the request token', async () => {
    const oidc = await startOidc();
    try {
      const res = await fetch(`${oidc.requestUrl}&audience=x`);

      expect(res.status).toBe(401);
      expect(oidc.requests).toMatchObject([{ audience: 'x', authorized: false }]);
    } finally {
      await oidc.close();
    }
  });
});

describe('IP echo stand-in', () => {
  it('answers with the set IP, and close() ends a hanging request', async () => {
    const echo = await startEcho({ answer: '8.8.8.8\n' });
    try {
      const res = await fetch(echo.url);
      expect(await res.text()).toBe('8.8.8.8\n');

      echo.set({ hang: true });
      const hanging = fetch(echo.url);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(echo.requests).toHaveLength(2);
      await echo.close();
      await expect(hanging).rejects.toThrow();
    } finally {
      await echo.close();
    }
  });
});

describe('C1 stand-in: allowSourceCidr at the token endpoint', () => {
  let c1: C1;

  beforeEach(async () => {
    c1 = await startC1();
  });

  afterEach(async () => {
    await c1.close();
  });

  const mint = (): Promise<{ status: number; body: Json }> =>
    postForm(c1, assertionForm(c1.caller.clientId, assertion(c1.caller.clientId, callerKey(c1))));

  const narrow = async (cidrs: string[]): Promise<void> => {
    const { status } = await api(c1, 'POST', `/iam/personal_clients/${c1.caller.id}`, {
      client: { allowSourceCidr: cidrs },
      updateMask: 'allowSourceCidr'
    });
    expect(status).toBe(200);
  };

  it('checks the list against the remote address by default, and against sourceIp when set', async () => {
    c1.seed({ ...c1.record(c1.caller.id)!, allowSourceCidr: ['10.0.0.0/8', '127.0.0.0/8'] });
    expect((await mint()).status).toBe(200);

    c1.sourceIp = '203.0.113.9';
    const refused = await mint();
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: 'invalid_client', error_description: 'source address 203.0.113.9 is not allowed' });

    c1.seed({ ...c1.record(c1.caller.id)!, allowSourceCidr: ['203.0.113.0/24'] });
    expect((await mint()).status).toBe(200);
  });

  it('allows any address with an empty list, and checks IPv6 by prefix', async () => {
    c1.sourceIp = '2001:db8:1::7';
    expect((await mint()).status).toBe(200);
    c1.seed({ ...c1.record(c1.caller.id)!, allowSourceCidr: ['2001:db8:1::/48'] });
    expect((await mint()).status).toBe(200);
    c1.seed({ ...c1.record(c1.caller.id)!, allowSourceCidr: ['2001:db8:2::/48'] });
    expect((await mint()).status).toBe(401);
  });

  it('applies a changed list only cidrDelayMs after the Update, while Get shows it at once', async () => {
    c1.sourceIp = '203.0.113.9';
    c1.cidrDelayMs = 400;
    await narrow(['203.0.113.9/32']);
    await narrow(['198.51.100.0/24']);
    expect(c1.record(c1.caller.id)?.allowSourceCidr).toEqual(['198.51.100.0/24']);

    // The empty list seeded still applies: any address mints.
    expect((await mint()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The later Update wins once both apply.
    expect((await mint()).status).toBe(401);
  });
});
