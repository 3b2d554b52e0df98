// End-to-end tests of the main step: the built dist/main runs as the runner runs it, against the C1 stand-in, and
// each test checks what a user would: the credential C1 ends up holding, the exact requests sent, the outputs,
// the log lines and the job summary.
import { generateCredential } from '../standin/c1.mjs';
import { apiCalls, assertionInputs, expectFailure, expectSuccess, runMain, startWorld, TARGET, tokenInputs, type C1 } from './fixtures.js';
import type { StepResult } from './runner.mjs';

type Json = Record<string, unknown>;
type Route = 'token' | 'list' | 'get' | 'update' | 'testSourceIp';

const TARGET_PATH = `/api/v1/iam/personal_clients/${TARGET}`;
const DAY_MS = 86_400_000;

let c1: C1;
beforeEach(async () => {
  c1 = await startWorld();
});
afterEach(() => c1.close());

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** bodiesTo gives the bodies of the logged requests on one route, in order. */
function bodiesTo(route: Route): unknown[] {
  return c1.requests.filter((r) => r.route === route).map((r) => r.body);
}

/** sentUpdate is the body of the one Update the step sent, checked to be `{ client, updateMask }`. */
function sentUpdate(): { client: Json; updateMask: string } {
  const bodies = bodiesTo('update');
  expect(bodies).toHaveLength(1);
  const body = bodies[0];
  if (!isJson(body) || !isJson(body.client) || typeof body.updateMask !== 'string')
    throw new Error(`not an Update body: ${JSON.stringify(body)}`);
  expect(Object.keys(body).sort()).toEqual(['client', 'updateMask']);
  return { client: body.client, updateMask: body.updateMask };
}

/** tokenForm is the form the step posted to the token endpoint. */
function tokenForm(): Record<string, string> {
  const bodies = bodiesTo('token');
  expect(bodies).toHaveLength(1);
  const form = bodies[0];
  if (!isJson(form)) throw new Error('the token request has no form body');
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
}

/** bearers are the distinct access tokens the step sent to the API. */
function bearers(): string[] {
  return [...new Set(c1.requests.flatMap((r) => (r.bearer === undefined ? [] : [r.bearer])))];
}

function maskOf(text: string): string[] {
  return text.split(',').sort();
}

/** seedExtras adds records sorted before the target, so List needs several pages (pageSize is 2) to reach it. */
function seedExtras(count: number): void {
  for (let i = 0; i < count; i++) c1.seed({ id: `aa-${i}`, displayName: `extra ${i}`, allowSourceCidr: ['192.0.2.0/24'] });
}

/** reseed changes fields of the target record before the step runs. */
function reseed(fields: Json): void {
  const current = c1.record(TARGET);
  if (current === undefined) throw new Error('no target record');
  c1.seed({ ...current, ...fields });
  c1.clearLog();
}

function lines(result: StepResult): string[] {
  return result.stdout.split('\n');
}

function notices(result: StepResult): string[] {
  return lines(result)
    .filter((l) => l.startsWith('::notice'))
    .map((l) => l.slice(l.indexOf('::', 2) + 2));
}

function expectWithin(iso: unknown, fromMs: number, toMs: number): void {
  expect(typeof iso).toBe('string');
  const at = Date.parse(String(iso));
  expect(at).toBeGreaterThanOrEqual(fromMs - 1000);
  expect(at).toBeLessThanOrEqual(toMs + 1000);
}

describe('authentication', () => {
  test('uses the token input as the bearer, with no token request', async () => {
    const inputs = tokenInputs(c1, { 'display-name': 'release bot' });

    const result = await runMain(inputs);

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST update']);
    expect(c1.requests[0]?.bearer).toBe(inputs.token);
    expect(c1.requests[0]?.path).toBe(TARGET_PATH);
    expect(sentUpdate()).toEqual({ client: { displayName: 'release bot' }, updateMask: 'displayName' });
    expect(c1.record(TARGET)?.displayName).toBe('release bot');
    expect(result.outputs).toMatchObject({ id: TARGET, updated: 'true', 'display-name': 'release bot', 'update-mask': 'displayName' });
  });

  test('signs an assertion with client-id and client-secret and uses the minted token', async () => {
    const result = await runMain(assertionInputs(c1, { 'display-name': 'release bot' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    const form = tokenForm();
    expect(form).toMatchObject({
      client_id: c1.caller.clientId,
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    });
    expect(form.client_assertion).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(form).not.toHaveProperty('client_secret');
    expect(c1.requests[0]?.bearer).toBeUndefined();
    expect(c1.requests[1]?.bearer).toMatch(/^[\w-]{20,}$/);
    expect(c1.record(TARGET)?.displayName).toBe('release bot');
  });

  test('falls back to env CONDUCTORONE_ACCESS_TOKEN, with the tenant from CONDUCTORONE_SERVER_URL', async () => {
    const token = c1.issueToken();

    const result = await runMain(
      { 'personal-client-id': TARGET, 'scoped-roles': 'role-write' },
      { env: { CONDUCTORONE_ACCESS_TOKEN: token, CONDUCTORONE_SERVER_URL: c1.url } }
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST update']);
    expect(c1.requests[0]?.bearer).toBe(token);
    expect(c1.record(TARGET)?.scopedRoles).toEqual(['role-write']);
    expect(lines(result)).toContain(`::add-mask::${token}`);
  });

  test('falls back to env CONDUCTORONE_CLIENT_ID with CONDUCTORONE_CLIENT_SECRET, tenant from CONDUCTORONE_SERVER_URL', async () => {
    const result = await runMain(
      { 'personal-client-id': TARGET, 'display-name': 'env bot' },
      { env: { CONDUCTORONE_CLIENT_ID: c1.caller.clientId, CONDUCTORONE_CLIENT_SECRET: c1.caller.secret, CONDUCTORONE_SERVER_URL: c1.url } }
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(tokenForm()).toMatchObject({ client_id: c1.caller.clientId, grant_type: 'client_credentials' });
    expect(c1.record(TARGET)?.displayName).toBe('env bot');
  });

  test('lets env CONDUCTORONE_CLIENT_ID name the caller of an env access token, so self works', async () => {
    const token = c1.issueToken();

    const result = await runMain(
      { 'personal-client-id': 'self', 'display-name': 'me, renamed' },
      {
        env: {
          CONDUCTORONE_ACCESS_TOKEN: token,
          CONDUCTORONE_CLIENT_ID: c1.caller.clientId,
          CONDUCTORONE_CLIENT_SECRET: c1.caller.secret,
          CONDUCTORONE_SERVER_URL: c1.url
        }
      }
    );

    expectSuccess(result);
    // The env access token comes before an env client secret: no token request.
    expect(apiCalls(c1)).toEqual(['GET list', 'POST update']);
    expect(c1.requests[0]?.bearer).toBe(token);
    expect(c1.requests[1]?.path).toBe(`/api/v1/iam/personal_clients/${c1.caller.id}`);
    expect(c1.record(c1.caller.id)?.displayName).toBe('me, renamed');
    expect(c1.record(TARGET)?.displayName).toBe('deploy bot');
  });

  test('prefers client-id and client-secret inputs to an env access token', async () => {
    const envToken = c1.issueToken();

    const result = await runMain(assertionInputs(c1, { 'display-name': 'inputs win' }), { env: { CONDUCTORONE_ACCESS_TOKEN: envToken } });

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(c1.requests[1]?.bearer).not.toBe(envToken);
    expect(c1.record(TARGET)?.displayName).toBe('inputs win');
  });

  test('a client-secret with a wfe client-id fails naming client-secret, before any request', async () => {
    const result = await runMain(assertionInputs(c1, { 'client-id': `trust-1@127.0.0.1:${c1.port}/wfe`, 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('client-secret');
    expect(error).toContain('wfe');
    expect(error).not.toContain(c1.caller.secret);
    expect(c1.requests).toEqual([]);
  });

  test('a wfe client-id without the OIDC request variables says to add permissions: id-token: write', async () => {
    const result = await runMain({
      tenant: c1.url,
      'client-id': `trust-1@127.0.0.1:${c1.port}/wfe`,
      'personal-client-id': TARGET,
      'display-name': 'x'
    });

    const error = expectFailure(result);
    expect(error).toContain('id-token: write');
    expect(c1.requests).toEqual([]);
  });

  test('takes the tenant from CONDUCTORONE_SERVER_URL before CONDUCTORONE_TENANT_DOMAIN', async () => {
    const token = c1.issueToken();

    const result = await runMain(
      { 'personal-client-id': TARGET, 'display-name': 'server url wins', 'retry-max-attempts': '1' },
      { env: { CONDUCTORONE_ACCESS_TOKEN: token, CONDUCTORONE_SERVER_URL: c1.url, CONDUCTORONE_TENANT_DOMAIN: 'http://127.0.0.1:1' } }
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST update']);
    expect(c1.record(TARGET)?.displayName).toBe('server url wins');
  });

  // interface.md: self needs the caller's client ID "from client-id or env CONDUCTORONE_CLIENT_ID".
  test('lets env CONDUCTORONE_CLIENT_ID name the caller of a token input, so self works', async () => {
    const result = await runMain(tokenInputs(c1, { 'personal-client-id': 'self', 'display-name': 'me via env' }), {
      env: { CONDUCTORONE_CLIENT_ID: c1.caller.clientId }
    });

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['GET list', 'POST update']);
    expect(c1.record(c1.caller.id)?.displayName).toBe('me via env');
  });

  test('lets a client-id beside a token only name the caller (no token request)', async () => {
    const result = await runMain(tokenInputs(c1, { 'client-id': c1.caller.clientId, 'personal-client-id': 'self', 'display-name': 'me' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['GET list', 'POST update']);
    expect(c1.record(c1.caller.id)?.displayName).toBe('me');
  });
});

describe('which credential', () => {
  test('updates a credential named by id at its path', async () => {
    const result = await runMain(assertionInputs(c1, { 'display-name': 'by id' }));

    expectSuccess(result);
    expect(c1.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /auth/v1/token', `POST ${TARGET_PATH}`]);
    expect(result.outputs).toMatchObject({ id: TARGET, 'client-id': `${TARGET}@127.0.0.1:${c1.port}/pcc` });
  });

  test('resolves a full client ID through every List page it needs, then sends one Update and no Get', async () => {
    seedExtras(5);
    const clientId = `${TARGET}@127.0.0.1:${c1.port}/pcc`;

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': clientId, 'display-name': 'found via list' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list', 'GET list', 'GET list', 'POST update']);
    const listPaths = c1.requests.filter((r) => r.route === 'list').map((r) => r.path);
    expect(listPaths[0]).toBe('/api/v1/iam/personal_clients');
    expect(listPaths.slice(1).every((p) => p.includes('pageToken='))).toBe(true);
    expect(new Set(listPaths).size).toBe(3);
    expect(c1.requests.at(-1)?.path).toBe(TARGET_PATH);
    expect(sentUpdate()).toEqual({ client: { displayName: 'found via list' }, updateMask: 'displayName' });
    expect(c1.record(TARGET)?.displayName).toBe('found via list');
    expect(result.outputs).toMatchObject({
      id: TARGET,
      'client-id': clientId,
      'previous-allow-source-cidr': '10.0.0.0/8',
      'previous-expires-time': c1.record(TARGET)?.expiresTime
    });
  });

  test("resolves self to the caller's own credential through List", async () => {
    seedExtras(3);

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': 'self', 'allow-source-cidr': '198.51.100.7' }));

    expectSuccess(result);
    // aa-0..aa-2, blue-whale-12345, ci-caller: the caller is on the third page.
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list', 'GET list', 'GET list', 'POST update']);
    expect(c1.requests.at(-1)?.path).toBe(`/api/v1/iam/personal_clients/${c1.caller.id}`);
    expect(c1.record(c1.caller.id)?.allowSourceCidr).toEqual(['198.51.100.7/32']);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
    expect(result.outputs).toMatchObject({ id: c1.caller.id, 'client-id': c1.caller.clientId, 'allow-source-cidr': '198.51.100.7/32' });
  });

  test('fails naming a full client ID that no List page holds, and sends no Update', async () => {
    seedExtras(5);
    const missing = `nobody-99999@127.0.0.1:${c1.port}/pcc`;
    const before = c1.records();

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': missing, 'display-name': 'never' }));

    expect(expectFailure(result)).toContain(missing);
    // Seven records in pages of two: every page is read before giving up.
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list', 'GET list', 'GET list', 'GET list']);
    expect(c1.records()).toEqual(before);
  });
});

describe('what to change', () => {
  test('sets display-name', async () => {
    const result = await runMain(assertionInputs(c1, { 'display-name': 'nightly deploys' }));

    expectSuccess(result);
    expect(sentUpdate()).toEqual({ client: { displayName: 'nightly deploys' }, updateMask: 'displayName' });
    expect(c1.record(TARGET)).toMatchObject({
      displayName: 'nightly deploys',
      allowSourceCidr: ['10.0.0.0/8'],
      scopedRoles: ['role-read']
    });
    expect(result.outputs['display-name']).toBe('nightly deploys');
  });

  test('sets scoped-roles from a list split on newlines, commas and spaces', async () => {
    const result = await runMain(assertionInputs(c1, { 'scoped-roles': 'role-a\nrole-b, role-c  role-d\n' }));

    expectSuccess(result);
    expect(sentUpdate()).toEqual({ client: { scopedRoles: ['role-a', 'role-b', 'role-c', 'role-d'] }, updateMask: 'scopedRoles' });
    expect(c1.record(TARGET)?.scopedRoles).toEqual(['role-a', 'role-b', 'role-c', 'role-d']);
    expect(result.outputs['scoped-roles']).toBe('role-a,role-b,role-c,role-d');
  });

  test('replaces allow-source-cidr with normalised CIDRs: bare IPs, IPv6 short form, IPv4-mapped, duplicates', async () => {
    const result = await runMain(
      assertionInputs(c1, {
        'allow-source-cidr':
          '198.51.100.7\n2001:DB8:0:0:0:0:0:1, 203.0.113.0/24 198.51.100.7/32\n::ffff:192.0.2.9 2001:db8:0::/48 2001:0DB8::/48 ::ffff:10.0.0.0/104 2001:db8:0:0:1:0:0:1'
      })
    );

    expectSuccess(result);
    const expected = [
      '198.51.100.7/32',
      '2001:db8::1/128',
      '203.0.113.0/24',
      '192.0.2.9/32',
      '2001:db8::/48',
      '10.0.0.0/8',
      '2001:db8::1:0:0:1/128'
    ];
    expect(sentUpdate()).toEqual({ client: { allowSourceCidr: expected }, updateMask: 'allowSourceCidr' });
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(expected);
    expect(result.outputs['allow-source-cidr']).toBe(expected.join(','));
  });

  test('adds to the current CIDRs with cidr-mode add, keeping what was there and skipping duplicates', async () => {
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7, 10.0.0.0/8', 'cidr-mode': 'add' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(sentUpdate()).toEqual({ client: { allowSourceCidr: ['10.0.0.0/8', '198.51.100.7/32'] }, updateMask: 'allowSourceCidr' });
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8', '198.51.100.7/32']);
    expect(result.outputs).toMatchObject({ 'allow-source-cidr': '10.0.0.0/8,198.51.100.7/32', 'previous-allow-source-cidr': '10.0.0.0/8' });
  });

  test('removes from the current CIDRs with cidr-mode remove, matching a bare IP to its /32', async () => {
    reseed({ allowSourceCidr: ['10.0.0.0/8', '198.51.100.7/32', '2001:db8::/48'] });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7 2001:DB8::/48', 'cidr-mode': 'remove' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(sentUpdate()).toEqual({ client: { allowSourceCidr: ['10.0.0.0/8'] }, updateMask: 'allowSourceCidr' });
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
    expect(result.outputs).toMatchObject({
      'allow-source-cidr': '10.0.0.0/8',
      'previous-allow-source-cidr': '10.0.0.0/8,198.51.100.7/32,2001:db8::/48'
    });
  });

  test('sets expires-time, read in any RFC 3339 offset', async () => {
    const result = await runMain(assertionInputs(c1, { 'expires-time': '2035-06-30T14:00:00+02:00' }));

    expectSuccess(result);
    const sent = sentUpdate();
    expect(sent.updateMask).toBe('expiresTime');
    expect(Object.keys(sent.client)).toEqual(['expiresTime']);
    expect(Date.parse(String(sent.client.expiresTime))).toBe(Date.parse('2035-06-30T12:00:00Z'));
    expect(c1.record(TARGET)?.expiresTime).toBe('2035-06-30T12:00:00Z');
    expect(Date.parse(result.outputs['expires-time'] ?? '')).toBe(Date.parse('2035-06-30T12:00:00Z'));
  });

  test('sets expires-in as a duration from now', async () => {
    const started = Date.now();
    const result = await runMain(assertionInputs(c1, { 'expires-in': '1w2d' }));
    const ended = Date.now();

    expectSuccess(result);
    const sent = sentUpdate();
    expect(sent.updateMask).toBe('expiresTime');
    expectWithin(sent.client.expiresTime, started + 9 * DAY_MS, ended + 9 * DAY_MS);
    expectWithin(c1.record(TARGET)?.expiresTime, started + 9 * DAY_MS, ended + 9 * DAY_MS);
  });

  test('refresh-within pushes the expiry out when it falls inside the window', async () => {
    const previous = c1.record(TARGET)?.expiresTime;
    const started = Date.now();

    const result = await runMain(assertionInputs(c1, { 'expires-in': 'P30D', 'refresh-within': '7d' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    const sent = sentUpdate();
    expect(sent.updateMask).toBe('expiresTime');
    expectWithin(sent.client.expiresTime, started + 30 * DAY_MS, Date.now() + 30 * DAY_MS);
    expectWithin(c1.record(TARGET)?.expiresTime, started + 30 * DAY_MS, Date.now() + 30 * DAY_MS);
    expect(result.outputs).toMatchObject({ updated: 'true', 'update-mask': 'expiresTime', 'previous-expires-time': previous });
  });

  test('refresh-within leaves a far expiry alone: no Update, a notice says why, updated=false', async () => {
    const far = new Date(Date.now() + 60 * DAY_MS).toISOString();
    reseed({ expiresTime: far });

    const result = await runMain(assertionInputs(c1, { 'expires-in': '30d', 'refresh-within': '7d' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)?.expiresTime).toBe(far);
    expect(notices(result).some((n) => n.includes('expiresTime') && n.includes(far))).toBe(true);
    expect(result.outputs).toMatchObject({ updated: 'false', 'update-mask': '', 'expires-time': far, 'previous-expires-time': far });
  });

  test('refresh-within leaves a credential with no expiry alone', async () => {
    reseed({ expiresTime: null });

    const result = await runMain(assertionInputs(c1, { 'expires-in': '30d', 'refresh-within': '7d' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)?.expiresTime).toBeNull();
    expect(notices(result).some((n) => n.includes('expiresTime') && /no expiry/i.test(n))).toBe(true);
    expect(result.outputs).toMatchObject({ updated: 'false', 'update-mask': '', 'expires-time': '' });
  });

  test('refresh-within never moves an expiry earlier', async () => {
    const previous = c1.record(TARGET)?.expiresTime;

    const result = await runMain(assertionInputs(c1, { 'expires-in': '1d', 'refresh-within': '7d' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)?.expiresTime).toBe(previous);
    expect(notices(result).some((n) => n.includes('expiresTime'))).toBe(true);
    expect(result.outputs).toMatchObject({ updated: 'false', 'update-mask': '' });
  });

  test('refresh-within skips only the expiry when other fields change', async () => {
    reseed({ expiresTime: new Date(Date.now() + 60 * DAY_MS).toISOString() });

    const result = await runMain(assertionInputs(c1, { 'display-name': 'renamed', 'expires-in': '30d', 'refresh-within': '7d' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(sentUpdate()).toEqual({ client: { displayName: 'renamed' }, updateMask: 'displayName' });
    expect(result.outputs).toMatchObject({ updated: 'true', 'update-mask': 'displayName' });
  });

  test('update-mask clears a listed field whose input is not given', async () => {
    const result = await runMain(assertionInputs(c1, { 'update-mask': 'displayName,scopedRoles', 'scoped-roles': 'role-a' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    const sent = sentUpdate();
    expect(maskOf(sent.updateMask)).toEqual(['displayName', 'scopedRoles']);
    expect(sent.client.scopedRoles).toEqual(['role-a']);
    // Clearing is either an empty value or the field left out of `client`; both clear it in C1.
    expect(sent.client.displayName ?? '').toBe('');
    expect(Object.keys(sent.client).every((k) => k === 'displayName' || k === 'scopedRoles')).toBe(true);
    expect(c1.record(TARGET)).toMatchObject({ displayName: '', scopedRoles: ['role-a'], allowSourceCidr: ['10.0.0.0/8'] });
    expect(result.outputs).toMatchObject({ 'display-name': '', 'scoped-roles': 'role-a' });
  });

  test('update-mask (space-separated) clears the expiry when expires-time is not given, with allow-unrestricted', async () => {
    const result = await runMain(
      assertionInputs(c1, { 'update-mask': 'expiresTime displayName', 'display-name': 'no expiry', 'allow-unrestricted': 'true' })
    );

    expectSuccess(result);
    const sent = sentUpdate();
    expect(maskOf(sent.updateMask)).toEqual(['displayName', 'expiresTime']);
    expect(sent.client.displayName).toBe('no expiry');
    expect(sent.client.expiresTime ?? null).toBeNull();
    expect(c1.record(TARGET)).toMatchObject({ displayName: 'no expiry', expiresTime: null });
    expect(result.outputs['expires-time']).toBe('');
  });

  test('a cidr-mode add that would pass 32 CIDRs fails after the read, and nothing is sent', async () => {
    reseed({ allowSourceCidr: Array.from({ length: 31 }, (_v, i) => `198.51.100.${i}/32`) });
    const before = c1.record(TARGET);

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '203.0.113.1, 203.0.113.2', 'cidr-mode': 'add' }));

    const error = expectFailure(result);
    expect(error).toContain('allow-source-cidr');
    expect(error).toContain('32');
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)).toEqual(before);
  });

  test('cleanup: restore that would put back an empty list is refused before the Update', async () => {
    reseed({ allowSourceCidr: [] });
    const before = c1.record(TARGET);

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', cleanup: 'restore' }));

    const error = expectFailure(result);
    expect(error).toContain('allow-unrestricted');
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)).toEqual(before);
  });

  test('cleanup: restore from an empty list goes ahead with allow-unrestricted: true', async () => {
    reseed({ allowSourceCidr: [] });

    const result = await runMain(
      assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', cleanup: 'restore', 'allow-unrestricted': 'true' })
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['198.51.100.7/32']);
    expect(result.outputs['previous-allow-source-cidr']).toBe('');
  });

  test('runner with a given runner-ip uses it as given, with no detection', async () => {
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': 'runner, 203.0.113.0/24', 'runner-ip': '10.1.2.3' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    const sent = sentUpdate();
    expect(sent.updateMask).toBe('allowSourceCidr');
    expect(sent.client.allowSourceCidr).toHaveLength(2);
    expect(sent.client.allowSourceCidr).toEqual(expect.arrayContaining(['10.1.2.3/32', '203.0.113.0/24']));
    expect(c1.record(TARGET)?.allowSourceCidr?.slice().sort()).toEqual(['10.1.2.3/32', '203.0.113.0/24']);
    expect(result.outputs['runner-ip']).toBe('10.1.2.3');
  });

  test('cidr-mode remove of the last CIDR is refused without allow-unrestricted, and nothing is sent', async () => {
    const before = c1.record(TARGET);

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'remove' }));

    const error = expectFailure(result);
    expect(error).toContain('allow-unrestricted');
    expect(apiCalls(c1)).not.toContain('POST update');
    expect(c1.record(TARGET)).toEqual(before);
  });

  test('cidr-mode remove of the last CIDR empties the list with allow-unrestricted: true', async () => {
    const result = await runMain(
      assertionInputs(c1, { 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'remove', 'allow-unrestricted': 'TRUE' })
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    const sent = sentUpdate();
    expect(sent.updateMask).toBe('allowSourceCidr');
    expect(sent.client.allowSourceCidr ?? []).toEqual([]);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([]);
    expect(result.outputs).toMatchObject({ updated: 'true', 'allow-source-cidr': '', 'previous-allow-source-cidr': '10.0.0.0/8' });
  });

  test('dry-run reads, sends no Update, and reports the planned values', async () => {
    const before = c1.record(TARGET);

    const result = await runMain(
      assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'add', 'display-name': 'planned name', 'dry-run': 'true' })
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)).toEqual(before);
    expect(maskOf(result.outputs['update-mask'] ?? '')).toEqual(['allowSourceCidr', 'displayName']);
    expect(result.outputs).toMatchObject({
      id: TARGET,
      updated: 'false',
      'display-name': 'planned name',
      'allow-source-cidr': '10.0.0.0/8,198.51.100.7/32',
      'previous-allow-source-cidr': '10.0.0.0/8',
      'scoped-roles': 'role-read'
    });
    const planned: unknown = JSON.parse(result.outputs.client ?? 'null');
    expect(planned).toMatchObject({ id: TARGET, displayName: 'planned name', allowSourceCidr: ['10.0.0.0/8', '198.51.100.7/32'] });
  });

  test('sends nothing when the credential, once read, already holds every planned value', async () => {
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'add' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(result.outputs).toMatchObject({ updated: 'false', 'update-mask': '', 'allow-source-cidr': '10.0.0.0/8' });
    expect(lines(result).some((l) => !l.startsWith('::') && l.includes(TARGET) && /nothing/i.test(l))).toBe(true);
  });

  test('sends nothing when a credential found through List already holds the values', async () => {
    seedExtras(3);

    const result = await runMain(
      assertionInputs(c1, {
        'personal-client-id': `${TARGET}@127.0.0.1:${c1.port}/pcc`,
        'display-name': 'deploy bot',
        'scoped-roles': 'role-read'
      })
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list', 'GET list']);
    expect(result.outputs).toMatchObject({ id: TARGET, updated: 'false', 'update-mask': '', 'display-name': 'deploy bot' });
  });

  test('reports the credential after the step as JSON in the client output', async () => {
    const result = await runMain(assertionInputs(c1, { 'display-name': 'json bot' }));

    expectSuccess(result);
    const after: unknown = JSON.parse(result.outputs.client ?? 'null');
    expect(after).toEqual(c1.record(TARGET));
  });
});

describe('when the credential is read', () => {
  test('a full client ID with cidr-mode add is read through List only: no Get', async () => {
    seedExtras(3);

    const result = await runMain(
      assertionInputs(c1, {
        'personal-client-id': `${TARGET}@127.0.0.1:${c1.port}/pcc`,
        'allow-source-cidr': '198.51.100.7',
        'cidr-mode': 'add'
      })
    );

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list', 'GET list', 'POST update']);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8', '198.51.100.7/32']);
  });

  test.each<[string, Record<string, string>, Json, string[]]>([
    ['a plain replace of an id target', { 'allow-source-cidr': '198.51.100.7' }, {}, ['POST token', 'POST update']],
    ['an expiry and roles for an id target', { 'expires-in': '30d', 'scoped-roles': 'role-x' }, {}, ['POST token', 'POST update']],
    ['cleanup: lock', { 'allow-source-cidr': '198.51.100.7', cleanup: 'lock' }, {}, ['POST token', 'POST update']],
    ['cidr-mode add', { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'add' }, {}, ['POST token', 'GET get', 'POST update']],
    [
      'cidr-mode remove',
      { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'remove' },
      { allowSourceCidr: ['10.0.0.0/8', '198.51.100.7/32'] },
      ['POST token', 'GET get', 'POST update']
    ],
    ['refresh-within', { 'expires-in': '30d', 'refresh-within': '7d' }, {}, ['POST token', 'GET get', 'POST update']],
    ['dry-run', { 'display-name': 'dry', 'dry-run': 'true' }, {}, ['POST token', 'GET get']],
    ['cleanup: restore', { 'allow-source-cidr': '198.51.100.7', cleanup: 'restore' }, {}, ['POST token', 'GET get', 'POST update']]
  ])('%s', async (_name, extra, seed, calls) => {
    reseed(seed);
    const read = calls.includes('GET get');
    const before = c1.record(TARGET);

    const result = await runMain(assertionInputs(c1, extra));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(calls);
    for (const r of c1.requests.filter((x) => x.route !== 'token')) expect(r.path).toBe(TARGET_PATH);
    expect(result.outputs['previous-allow-source-cidr']).toBe(read ? (before?.allowSourceCidr ?? []).join(',') : '');
    expect(result.outputs['previous-expires-time']).toBe(read ? before?.expiresTime : '');
  });
});

describe('invalid inputs fail before any request', () => {
  const SECRET_LIKE = `secret-token:conductorone.com:v1:${Buffer.from(JSON.stringify({ kty: 'RSA', n: 'hunter2-modulus', e: 'AQAB' })).toString('base64url')}`;
  const cases: [string, Record<string, string>, string, string[]][] = [
    ['a bad cidr-mode', { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'merge' }, 'cidr-mode', ['merge', 'replace', 'add', 'remove']],
    ['a CIDR with host bits set', { 'allow-source-cidr': '10.1.2.3/8' }, 'allow-source-cidr', ['10.1.2.3/8', '10.0.0.0/8']],
    [
      'an IPv6 CIDR with host bits set',
      { 'allow-source-cidr': '2001:db8::1/32' },
      'allow-source-cidr',
      ['2001:db8::1/32', '2001:db8::/32']
    ],
    ['a CIDR that is not one', { 'allow-source-cidr': '10.0.0.300' }, 'allow-source-cidr', ['10.0.0.300']],
    [
      'more than 32 CIDRs',
      { 'allow-source-cidr': Array.from({ length: 33 }, (_v, i) => `198.51.100.${i}`).join(',') },
      'allow-source-cidr',
      ['32']
    ],
    ['an expires-time in the past', { 'expires-time': '2020-01-01T00:00:00Z' }, 'expires-time', ['2020-01-01T00:00:00Z']],
    ['an expires-time that is not RFC 3339', { 'expires-time': 'next tuesday' }, 'expires-time', ['next tuesday']],
    ['expires-in in years', { 'expires-in': 'P1Y' }, 'expires-in', ['P1Y']],
    ['expires-in as a bare number', { 'expires-in': '30' }, 'expires-in', ['30']],
    ['expires-in beside expires-time', { 'expires-in': '30d', 'expires-time': '2035-01-01T00:00:00Z' }, 'expires-in', ['expires-time']],
    ['refresh-within without an expiry', { 'refresh-within': '7d', 'display-name': 'x' }, 'refresh-within', ['expires-in']],
    ['an unknown update-mask field', { 'update-mask': 'displayName,fooBar', 'display-name': 'x' }, 'update-mask', ['fooBar']],
    [
      'an update-mask leaving out a given field',
      { 'update-mask': 'displayName', 'display-name': 'x', 'scoped-roles': 'r' },
      'update-mask',
      ['scopedRoles']
    ],
    ['an update-mask clearing the CIDRs', { 'update-mask': 'allowSourceCidr' }, 'update-mask', ['allow-unrestricted']],
    ['cidr-mode add without CIDRs', { 'cidr-mode': 'add', 'display-name': 'x' }, 'cidr-mode', ['allow-source-cidr']],
    ['nothing to change', {}, 'display-name', ['allow-source-cidr', 'expires-in']],
    ['a bad dry-run boolean', { 'display-name': 'x', 'dry-run': 'yes' }, 'dry-run', ['yes']],
    ['a bad allow-unrestricted boolean', { 'display-name': 'x', 'allow-unrestricted': '1' }, 'allow-unrestricted', ['1']],
    ['a bad job-summary boolean', { 'display-name': 'x', 'job-summary': 'off' }, 'job-summary', ['off']],
    ['a bad cleanup', { 'display-name': 'x', cleanup: 'sometimes' }, 'cleanup', ['sometimes']],
    ['runner in lock-cidr', { 'display-name': 'x', 'lock-cidr': 'runner' }, 'lock-cidr', ['runner']],
    ['a bad retry-max-attempts', { 'display-name': 'x', 'retry-max-attempts': 'many' }, 'retry-max-attempts', ['many']],
    ['a bad request-timeout', { 'display-name': 'x', 'request-timeout': '-5s' }, 'request-timeout', ['-5s']],
    ['a bad scoped role', { 'scoped-roles': 'role-a role$b' }, 'scoped-roles', ['role$b']],
    ['no personal-client-id', { 'personal-client-id': '', 'display-name': 'x' }, 'personal-client-id', []],
    [
      'a snake_case update-mask field',
      { 'update-mask': 'display_name', 'display-name': 'x' },
      'update-mask',
      ['display_name', 'displayName']
    ],
    [
      'self with a caller that is not pcc',
      { 'personal-client-id': 'self', 'client-id': 'svc-1@127.0.0.1:1/spc', 'display-name': 'x' },
      'personal-client-id',
      ['spc']
    ],
    [
      'a personal-client-id of another kind',
      { 'personal-client-id': `x@127.0.0.1:1/spc`, 'display-name': 'x' },
      'personal-client-id',
      ['spc']
    ],
    ['self without a caller client ID', { 'personal-client-id': 'self', 'display-name': 'x' }, 'personal-client-id', ['self', 'client-id']],
    ['a tenant with a path', { tenant: 'https://acme.conductor.one/api', 'display-name': 'x' }, 'tenant', ['acme.conductor.one/api']],
    [
      'a plain http tenant that is not loopback',
      { tenant: 'http://acme.conductor.one', 'display-name': 'x' },
      'tenant',
      ['http://acme.conductor.one']
    ],
    ['a token beside a client-secret', { 'client-secret': SECRET_LIKE, 'display-name': 'x' }, 'client-secret', ['token']]
  ];

  test.each(cases)('%s', async (_name, extra, input, fragments) => {
    const result = await runMain(tokenInputs(c1, extra));

    const error = expectFailure(result);
    expect(error).toContain(input);
    for (const fragment of fragments) expect(error).toContain(fragment);
    expect(c1.requests).toEqual([]);
    expect(lines(result).filter((l) => l.startsWith('::error::'))).toHaveLength(1);
  });

  test.each([
    ['not a C1 secret at all', 'hunter2-is-my-password-0123456789'],
    ['a secret whose key is not base64url', 'secret-token:conductorone.com:v1:hunter2!!not*base64'],
    ['a secret whose key is not JSON', `secret-token:conductorone.com:v1:${Buffer.from('hunter2 not json at all').toString('base64url')}`],
    ['a secret holding an RSA key', SECRET_LIKE]
  ])('a bad client-secret (%s) fails naming client-secret, without repeating it', async (_name, secret) => {
    const result = await runMain(assertionInputs(c1, { 'client-secret': secret, 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('client-secret');
    expect(c1.requests).toEqual([]);
    const encoded = secret.split(':').at(-1) ?? secret;
    for (const leak of [secret, encoded, 'hunter2']) {
      expect(error).not.toContain(leak);
      expect(result.stderr).not.toContain(leak);
      expect(lines(result).filter((l) => l.includes(leak) && !l.startsWith('::add-mask::'))).toEqual([]);
    }
  });

  test('a bad CONDUCTORONE_CLIENT_SECRET fails naming the variable, without repeating it', async () => {
    const secret = 'secret-token:conductorone.com:v1:hunter2';

    const result = await runMain(
      { 'personal-client-id': TARGET, 'display-name': 'x' },
      { env: { CONDUCTORONE_CLIENT_ID: c1.caller.clientId, CONDUCTORONE_CLIENT_SECRET: secret, CONDUCTORONE_SERVER_URL: c1.url } }
    );

    const error = expectFailure(result);
    expect(error).toContain('CONDUCTORONE_CLIENT_SECRET');
    expect(error).not.toContain('hunter2');
    expect(c1.requests).toEqual([]);
  });

  test('client-secret without client-id fails naming both', async () => {
    const result = await runMain({ tenant: c1.url, 'personal-client-id': TARGET, 'client-secret': c1.caller.secret, 'display-name': 'x' });

    const error = expectFailure(result);
    expect(error).toContain('client-secret');
    expect(error).toContain('client-id');
    expect(error).not.toContain(c1.caller.secret);
    expect(c1.requests).toEqual([]);
  });

  test('no way to authenticate fails listing the options', async () => {
    const result = await runMain({ tenant: c1.url, 'personal-client-id': TARGET, 'display-name': 'x' });

    const error = expectFailure(result);
    for (const option of ['token', 'client-id', 'client-secret', 'CONDUCTORONE_ACCESS_TOKEN', 'CONDUCTORONE_CLIENT_ID'])
      expect(error).toContain(option);
    expect(c1.requests).toEqual([]);
  });

  test('a malformed client-id fails naming it', async () => {
    const result = await runMain(assertionInputs(c1, { 'client-id': 'ci-caller-at-localhost', 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('client-id');
    expect(error).toContain('ci-caller-at-localhost');
    expect(c1.requests).toEqual([]);
  });
});

describe('API failures', () => {
  test('a 403 on Update names the operation, the credential, the status and C1 message, and changes nothing', async () => {
    const before = c1.record(TARGET);
    c1.addFault('update', { status: 403, body: { code: 7, message: 'permission denied: cannot change scopedRoles', details: [] } });

    const result = await runMain(assertionInputs(c1, { 'scoped-roles': 'role-admin' }));

    const error = expectFailure(result);
    expect(error).toContain('Update');
    expect(error).toContain(TARGET);
    expect(error).toContain('403');
    expect(error).toContain('permission denied: cannot change scopedRoles');
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(c1.record(TARGET)).toEqual(before);
  });

  test('a 404 on Update of an unknown id names the id and C1 message', async () => {
    const result = await runMain(assertionInputs(c1, { 'personal-client-id': 'no-such-client-1', 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('Update');
    expect(error).toContain('no-such-client-1');
    expect(error).toContain('404');
    expect(error).toContain('personal client "no-such-client-1" not found');
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
  });

  test('a 403 on Get names the read, and no Update follows', async () => {
    const before = c1.record(TARGET);
    c1.addFault('get', { status: 403, body: { code: 7, message: 'permission denied: not your credential', details: [] } });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'add' }));

    const error = expectFailure(result);
    expect(error).toContain('Get');
    expect(error).toContain(TARGET);
    expect(error).toContain('403');
    expect(error).toContain('permission denied: not your credential');
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(c1.record(TARGET)).toEqual(before);
  });

  test('a 400 on Update names the fields sent, so a refused expiry is clear', async () => {
    c1.addFault('update', { status: 400, body: { code: 9, message: 'expiry cannot be extended', details: [] } });

    const result = await runMain(assertionInputs(c1, { 'expires-in': '30d' }));

    const error = expectFailure(result);
    expect(error).toContain('expiresTime');
    expect(error).toContain('400');
    expect(error).toContain('expiry cannot be extended');
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
  });

  // interface.md: an API failure names the operation, the credential, the status and C1's message.
  test('a 403 on List names the credential being resolved', async () => {
    const clientId = `${TARGET}@127.0.0.1:${c1.port}/pcc`;
    c1.addFault('list', { status: 403, body: { code: 7, message: 'permission denied: cannot list', details: [] } });

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': clientId, 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('List');
    expect(error).toContain('403');
    expect(error).toContain('permission denied: cannot list');
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list']);
    expect(error).toContain(clientId);
  });

  test('a 503 from the token endpoint is retried like any C1 request', async () => {
    c1.addFault('token', { status: 503, headers: { 'Retry-After': '0' } });

    const result = await runMain(assertionInputs(c1, { 'display-name': 'token retried' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST token', 'POST update']);
    expect(c1.record(TARGET)?.displayName).toBe('token retried');
  });

  test('a 503 on Update is retried, honouring Retry-After', async () => {
    c1.addFault('update', { status: 503, headers: { 'Retry-After': '0' } });

    const result = await runMain(assertionInputs(c1, { 'display-name': 'second try' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update', 'POST update']);
    expect(c1.record(TARGET)?.displayName).toBe('second try');
    expect(result.outputs.updated).toBe('true');
  });

  test('a 401 on a minted token mints once more and retries once', async () => {
    c1.addFault('update', { status: 401 });

    const result = await runMain(assertionInputs(c1, { 'display-name': 'fresh token' }));

    expectSuccess(result);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update', 'POST token', 'POST update']);
    expect(c1.requests[1]?.bearer).not.toBe(c1.requests[3]?.bearer);
    expect(c1.record(TARGET)?.displayName).toBe('fresh token');
  });

  test('a rejected client secret gives the OAuth error and error_description, and nothing else is called', async () => {
    const wrong = generateCredential(c1.caller.id, `127.0.0.1:${c1.port}`);
    expect(wrong.clientId).toBe(c1.caller.clientId);
    const before = c1.record(TARGET);

    const result = await runMain(assertionInputs(c1, { 'client-secret': wrong.secret, 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('invalid_client');
    expect(error).toContain('signature does not verify with the client key');
    expect(error).not.toContain(wrong.secret);
    expect(apiCalls(c1)).toEqual(['POST token']);
    expect(c1.record(TARGET)).toEqual(before);
  });

  test('a revoked token input is reported as rejected (expired or revoked?)', async () => {
    const inputs = tokenInputs(c1, { 'display-name': 'x' });
    c1.revokeTokens();
    const before = c1.record(TARGET);

    const result = await runMain(inputs);

    const error = expectFailure(result);
    expect(error).toContain('the access token was rejected (expired or revoked?)');
    expect(error).toContain(TARGET);
    expect(error).not.toContain(inputs.token ?? '');
    expect(apiCalls(c1)).toEqual(['POST update']);
    expect(c1.record(TARGET)).toEqual(before);
  });
});

describe('job summary', () => {
  /** tableRows reads the summary's HTML table into field → [before, after], code elements unwrapped. */
  function tableRows(markdown: string): Map<string, [string, string]> {
    const rows = [...markdown.matchAll(/<tr>(.*?)<\/tr>/gu)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd]>(.*?)<\/t[hd]>/gu)].map((cell) => (cell[1] ?? '').replace(/^<code>(.*)<\/code>$/u, '$1'))
    );
    expect(rows[0]?.map((c) => c.toLowerCase())).toEqual(['field', 'before', 'after']);
    return new Map(rows.slice(1).map((row) => [row[0] ?? '', [row[1] ?? '', row[2] ?? '']]));
  }

  test('names the credential in a heading, tables each changed field before and after, and links the run', async () => {
    const result = await runMain(
      assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'add', 'display-name': 'release bot' })
    );

    expectSuccess(result);
    const markdown = result.summary;
    expect(markdown.split('\n').some((l) => /^<h[1-6]>/u.test(l) && l.includes(TARGET))).toBe(true);
    const rows = tableRows(markdown);
    expect([...rows.keys()].sort()).toEqual(['allowSourceCidr', 'displayName']);
    const [cidrBefore, cidrAfter] = rows.get('allowSourceCidr') ?? ['', ''];
    expect(cidrBefore).toContain('10.0.0.0/8');
    expect(cidrBefore).not.toContain('198.51.100.7/32');
    expect(cidrAfter).toContain('10.0.0.0/8');
    expect(cidrAfter).toContain('198.51.100.7/32');
    expect(rows.get('displayName')).toEqual(['deploy bot', 'release bot']);
    expect(markdown).toContain('https://github.com/acme/app/actions/runs/4242');
  });

  test('job-summary: false writes no summary', async () => {
    const result = await runMain(assertionInputs(c1, { 'display-name': 'quiet', 'job-summary': 'false' }));

    expectSuccess(result);
    expect(c1.record(TARGET)?.displayName).toBe('quiet');
    expect(result.summary).toBe('');
  });
});

describe('secrets never leak, debug mode included', () => {
  /**
   * expectNoLeak checks that no secret appears in any file or stream of the step except on `::add-mask::` lines,
   * that each secret in `masked` was masked, and that in stdout each secret's mask comes before any other mention.
   */
  function expectNoLeak(result: StepResult, masked: string[], neverShown: string[] = []): void {
    const out = lines(result);
    const surfaces: Record<string, string> = {
      stdout: out.filter((l) => !l.startsWith('::add-mask::')).join('\n'),
      stderr: result.stderr,
      outputs: result.outputFile,
      state: result.stateFile,
      summary: result.summary
    };
    for (const secret of [...masked, ...neverShown]) {
      expect(secret.length).toBeGreaterThan(8);
      for (const [surface, text] of Object.entries(surfaces))
        expect({ surface, leaked: text.includes(secret) }).toEqual({ surface, leaked: false });
      const first = out.findIndex((l) => l.includes(secret));
      if (first >= 0) expect(out[first]?.startsWith('::add-mask::')).toBe(true);
    }
    for (const secret of masked) {
      const mask = out.indexOf(`::add-mask::${secret}`);
      expect(mask).toBeGreaterThanOrEqual(0);
      expect(out.findIndex((l) => l.includes(secret))).toBe(mask);
    }
    expect(out.some((l) => l.startsWith('::debug::'))).toBe(true);
  }

  const debugInputs = (): Record<string, string> => ({
    'personal-client-id': `${TARGET}@127.0.0.1:${c1.port}/pcc`,
    'allow-source-cidr': '198.51.100.7',
    'cidr-mode': 'add',
    'display-name': 'debugged'
  });

  test('token mode', async () => {
    const inputs = tokenInputs(c1, debugInputs());

    const result = await runMain(inputs, { env: { RUNNER_DEBUG: '1' } });

    expectSuccess(result);
    expect(bearers()).toEqual([inputs.token]);
    expectNoLeak(result, [inputs.token ?? '']);
  });

  test('assertion mode (client-id and client-secret inputs)', async () => {
    const result = await runMain(assertionInputs(c1, debugInputs()), { env: { RUNNER_DEBUG: '1' } });

    expectSuccess(result);
    const assertion = tokenForm().client_assertion ?? '';
    const minted = bearers();
    expect(minted).toHaveLength(1);
    expectNoLeak(result, [c1.caller.secret, c1.caller.d, assertion, ...minted], [c1.caller.secret.split(':').at(-1) ?? '']);
  });

  test('env secret mode (CONDUCTORONE_CLIENT_ID and CONDUCTORONE_CLIENT_SECRET)', async () => {
    const result = await runMain(debugInputs(), {
      env: {
        RUNNER_DEBUG: '1',
        CONDUCTORONE_CLIENT_ID: c1.caller.clientId,
        CONDUCTORONE_CLIENT_SECRET: c1.caller.secret,
        CONDUCTORONE_SERVER_URL: c1.url
      }
    });

    expectSuccess(result);
    const assertion = tokenForm().client_assertion ?? '';
    const minted = bearers();
    expect(minted).toHaveLength(1);
    expectNoLeak(result, [c1.caller.secret, c1.caller.d, assertion, ...minted], [c1.caller.secret.split(':').at(-1) ?? '']);
  });

  test('env token mode (CONDUCTORONE_ACCESS_TOKEN)', async () => {
    const token = c1.issueToken();

    const result = await runMain(debugInputs(), {
      env: { RUNNER_DEBUG: '1', CONDUCTORONE_ACCESS_TOKEN: token, CONDUCTORONE_SERVER_URL: c1.url }
    });

    expectSuccess(result);
    expect(bearers()).toEqual([token]);
    expectNoLeak(result, [token]);
  });

  test('a rejected token does not leak in debug mode', async () => {
    const inputs = tokenInputs(c1, { 'display-name': 'x' });
    c1.revokeTokens();

    const result = await runMain(inputs, { env: { RUNNER_DEBUG: '1' } });

    expectFailure(result);
    expectNoLeak(result, [inputs.token ?? '']);
  });

  test('a rejected client secret does not leak in debug mode', async () => {
    const wrong = generateCredential(c1.caller.id, `127.0.0.1:${c1.port}`);

    const result = await runMain(assertionInputs(c1, { 'client-secret': wrong.secret, 'display-name': 'x' }), {
      env: { RUNNER_DEBUG: '1' }
    });

    expectFailure(result);
    const assertion = tokenForm().client_assertion ?? '';
    expectNoLeak(result, [wrong.secret, wrong.d, assertion], [wrong.secret.split(':').at(-1) ?? '']);
  });
});
