/**
 * End-to-end tests of the keyless path: a `/wfe` client ID with no secret, whose GitHub OIDC token (from the
 * OIDC stand-in, through ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN) is exchanged at C1's token endpoint (RFC 8693).
 */
import { startC1 } from '../standin/c1.mjs';
import { startOidc } from '../standin/oidc.mjs';
import { apiCalls, errorLine, runMain, runPost, TARGET, type C1 } from './fixtures.js';
import type { StepResult } from './runner.mjs';

type Oidc = Awaited<ReturnType<typeof startOidc>>;

const WFE_CLIENT_ID = 'deployer@127.0.0.1/wfe';
const ORIGINAL = ['10.0.0.0/8'];
const RUN_CIDR = '198.51.100.0/24';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

let oidc: Oidc;
let c1: C1;

beforeEach(async () => {
  oidc = await startOidc();
  c1 = await startC1({ oidc: { publicKey: oidc.publicKey, issuer: oidc.issuer, audience: '127.0.0.1' } });
  c1.seed({
    id: TARGET,
    clientId: `${TARGET}@127.0.0.1:${c1.port}/pcc`,
    displayName: 'deploy bot',
    allowSourceCidr: ORIGINAL,
    scopedRoles: ['role-read'],
    expiresTime: new Date(Date.now() + 3 * 86_400_000).toISOString()
  });
  c1.registerWfe(WFE_CLIENT_ID);
  c1.clearLog();
});

afterEach(async () => {
  await Promise.all([c1.close(), oidc.close()]);
});

/** wfeInputs authenticates with the wfe client ID and no secret. */
function wfeInputs(extra: Record<string, string> = {}): Record<string, string> {
  return { tenant: c1.url, 'client-id': WFE_CLIENT_ID, 'personal-client-id': TARGET, 'allow-source-cidr': RUN_CIDR, ...extra };
}

/** oidcEnv is what `permissions: id-token: write` gives the step. */
function oidcEnv(): Record<string, string> {
  return { ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken };
}

/** tokenForms are the form bodies of the token requests C1 saw. */
function tokenForms(): Record<string, string>[] {
  return c1.requests.filter((r) => r.route === 'token').map((r) => r.body as Record<string, string>);
}

test('exchanges the GitHub OIDC token at the token endpoint and updates the credential', async () => {
  const main = await runMain(wfeInputs(), { env: oidcEnv() });
  expect(main.code).toBe(0);
  expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
  const [form] = tokenForms();
  expect(form).toMatchObject({ grant_type: TOKEN_EXCHANGE, subject_token_type: JWT_TOKEN_TYPE, client_id: WFE_CLIENT_ID });
  expect(form?.subject_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  // No assertion and no secret travel on the keyless path.
  expect(form).not.toHaveProperty('client_assertion');
  expect(form).not.toHaveProperty('client_secret');
  // The audience defaults to the tenant's host name (no scheme, no port), asked of GitHub with the request token.
  expect(oidc.requests).toEqual([expect.objectContaining({ audience: '127.0.0.1', authorized: true })]);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual([RUN_CIDR]);
  expect(main.outputs).toMatchObject({ id: TARGET, updated: 'true', 'allow-source-cidr': RUN_CIDR });
});

test('oidc-audience other than the tenant host: C1 refuses the exchange with invalid_grant, and the message says so', async () => {
  const main = await runMain(wfeInputs({ 'oidc-audience': 'something-else' }), { env: oidcEnv() });
  expect(main.code).toBe(1);
  expect(oidc.requests.map((r) => r.audience)).toEqual(['something-else']);
  // One token request (a 401 from the token endpoint is not retried) and no API call.
  expect(apiCalls(c1)).toEqual(['POST token']);
  const error = errorLine(main);
  expect(error).toContain('OIDC');
  expect(error).toContain('invalid_grant');
  expect(error).toContain('aud');
  expect(error).toContain('401');
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual(ORIGINAL);
});

test('without ACTIONS_ID_TOKEN_REQUEST_* the step fails before any request and says to add id-token: write', async () => {
  const main = await runMain(wfeInputs());
  expect(main.code).toBe(1);
  expect(errorLine(main)).toContain('id-token: write');
  expect(c1.requests).toHaveLength(0);
  expect(oidc.requests).toHaveLength(0);
});

test('an OIDC token issued too long ago is refused by C1 with a clear message', async () => {
  oidc.iatOffsetSeconds = -900;
  const main = await runMain(wfeInputs(), { env: oidcEnv() });
  expect(main.code).toBe(1);
  expect(apiCalls(c1)).toEqual(['POST token']);
  const error = errorLine(main);
  expect(error).toContain('OIDC');
  expect(error).toContain('invalid_grant');
  expect(error).toMatch(/issued more than 10 minutes ago/);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual(ORIGINAL);
});

test('a client-secret beside a wfe client-id is an input error, without echoing the secret', async () => {
  const main = await runMain(wfeInputs({ 'client-secret': c1.caller.secret }), { env: oidcEnv() });
  expect(main.code).toBe(1);
  const error = errorLine(main);
  expect(error).toContain('client-secret');
  expect(error).toContain('wfe');
  expect(error).not.toContain(c1.caller.secret);
  expect(c1.requests).toHaveLength(0);
  expect(oidc.requests).toHaveLength(0);
});

/** expectMasked checks that a secret was masked and appears nowhere else the step wrote. */
function expectMasked(step: StepResult, secret: string): void {
  const lines = step.stdout.split('\n');
  expect(lines).toContain(`::add-mask::${secret}`);
  const leaks = lines.filter((line) => !line.startsWith('::add-mask::') && line.includes(secret));
  expect(leaks).toEqual([]);
  for (const file of [step.stderr, step.outputFile, step.stateFile, step.summary]) expect(file).not.toContain(secret);
}

test('the OIDC token and the access token are masked and never written unmasked, debug mode included', async () => {
  const env = { ...oidcEnv(), RUNNER_DEBUG: '1' };
  const inputs = wfeInputs({ cleanup: 'lock' });
  const main = await runMain(inputs, { env });
  expect(main.code).toBe(0);
  expect(main.stdout).toContain('::debug::');
  const subjectToken = tokenForms()[0]?.subject_token ?? '';
  const accessToken = c1.requests.find((r) => r.route === 'update')?.bearer ?? '';
  expect(subjectToken).not.toBe('');
  expect(accessToken).not.toBe('');
  expectMasked(main, subjectToken);
  expectMasked(main, accessToken);

  c1.clearLog();
  const post = await runPost(inputs, main, { env });
  expect(post.code).toBe(0);
  const postSubject = tokenForms()[0]?.subject_token ?? '';
  const postAccess = c1.requests.find((r) => r.route === 'update')?.bearer ?? '';
  expectMasked(post, postSubject);
  expectMasked(post, postAccess);
  for (const secret of [subjectToken, accessToken]) expect(post.stdout).not.toContain(secret);
});

test('the post step (cleanup: lock) authenticates through OIDC afresh: two token exchanges in all', async () => {
  const inputs = wfeInputs({ cleanup: 'lock' });
  const main = await runMain(inputs, { env: oidcEnv() });
  expect(main.code).toBe(0);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual([RUN_CIDR]);

  const post = await runPost(inputs, main, { env: oidcEnv() });
  expect(post.code).toBe(0);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['192.0.2.1/32']);
  expect(apiCalls(c1)).toEqual(['POST token', 'POST update', 'POST token', 'POST update']);
  const forms = tokenForms();
  expect(forms).toHaveLength(2);
  for (const form of forms)
    expect(form).toMatchObject({ grant_type: TOKEN_EXCHANGE, subject_token_type: JWT_TOKEN_TYPE, client_id: WFE_CLIENT_ID });
  expect(forms[0]?.subject_token).not.toBe(forms[1]?.subject_token);
  expect(oidc.requests).toHaveLength(2);
  expect(oidc.requests.every((r) => r.audience === '127.0.0.1' && r.authorized)).toBe(true);
  // Two different access tokens: nothing of main's token reached the post step.
  const bearers = c1.requests.filter((r) => r.route === 'update').map((r) => r.bearer);
  expect(new Set(bearers).size).toBe(2);
});

describe('CONDUCTORONE_OIDC_TOKEN (a ready subject token, as the Go SDK, cone and the Terraform provider read it)', () => {
  /** readyToken asks the OIDC stand-in for a token directly, as another step of the job would have. */
  async function readyToken(): Promise<string> {
    const response = await fetch(`${oidc.requestUrl}&audience=127.0.0.1`, { headers: { authorization: `Bearer ${oidc.requestToken}` } });
    const token = ((await response.json()) as { value: string }).value;
    oidc.requests.length = 0;
    return token;
  }

  test('with a wfe CONDUCTORONE_CLIENT_ID it is exchanged as it is, without asking GitHub, and masked', async () => {
    const token = await readyToken();
    const main = await runMain(
      { tenant: c1.url, 'personal-client-id': TARGET, 'allow-source-cidr': RUN_CIDR },
      { env: { CONDUCTORONE_CLIENT_ID: WFE_CLIENT_ID, CONDUCTORONE_OIDC_TOKEN: token } }
    );
    expect(main.code).toBe(0);
    expect(tokenForms()).toEqual([expect.objectContaining({ grant_type: TOKEN_EXCHANGE, subject_token: token, client_id: WFE_CLIENT_ID })]);
    expect(oidc.requests).toEqual([]);
    expect(main.stdout).toContain(`::add-mask::${token}`);
    expect(main.stdout.split(`::add-mask::${token}`).join('')).not.toContain(token);
  });

  test('it is used before GitHub is asked, even with id-token: write', async () => {
    const token = await readyToken();
    const main = await runMain(
      { tenant: c1.url, 'personal-client-id': TARGET, 'allow-source-cidr': RUN_CIDR },
      { env: { ...oidcEnv(), CONDUCTORONE_CLIENT_ID: WFE_CLIENT_ID, CONDUCTORONE_OIDC_TOKEN: token } }
    );
    expect(main.code).toBe(0);
    expect(oidc.requests).toEqual([]);
    expect(tokenForms()[0]?.subject_token).toBe(token);
  });

  test('a wfe client-id input still asks GitHub: the variable belongs with the env client ID', async () => {
    const token = await readyToken();
    const main = await runMain(wfeInputs(), { env: { ...oidcEnv(), CONDUCTORONE_OIDC_TOKEN: token } });
    expect(main.code).toBe(0);
    expect(oidc.requests).toHaveLength(1);
    expect(tokenForms()[0]?.subject_token).not.toBe(token);
  });
});
