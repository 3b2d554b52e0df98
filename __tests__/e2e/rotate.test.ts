// End-to-end tests of the rotate action: the built dist/rotate runs as the runner runs it (every input of
// rotate/action.yml passed with its default) against the C1 and GitHub stand-ins. Each test checks what a user
// would: what GitHub holds afterwards and that it mints a token on C1, what is still alive on C1, the outputs,
// and that no secret appears anywhere.
import { generateCredential } from '../standin/c1.mjs';
import {
  errorLine,
  ID_VAR,
  leaks,
  mintsToken,
  REPO,
  runRotate,
  SECRET,
  selfInputs,
  startRotationWorld,
  stopWorld,
  type World
} from './rotate-fixtures.js';

const DAY_MS = 86_400_000;
let world: World | undefined;
afterEach(async () => {
  await stopWorld(world);
  world = undefined;
});

async function start(): Promise<World> {
  world = await startRotationWorld();
  return world;
}

describe('rotate: personal client self', () => {
  test('stores a new pair that mints a token, revokes the old, and says so in outputs and summary', async () => {
    const w = await start();
    const old = w.c1.caller;
    const result = await runRotate(selfInputs(w));
    expect({ code: result.code, error: errorLine(result), stderr: result.stderr }).toEqual({ code: 0, error: '', stderr: '' });

    const heldId = w.gh.variable(REPO, ID_VAR);
    const heldSecret = w.gh.secret(REPO, SECRET);
    expect(heldId).toBe(result.outputs['new-client-id']);
    expect(heldId).not.toBe(old.clientId);
    expect(await mintsToken(w.c1, heldId, heldSecret)).toBe(true);
    expect(await mintsToken(w.c1, old.clientId, old.secret)).toBe(false);
    expect(w.c1.createdAlive()).toEqual([heldId]);
    expect(result.outputs).toMatchObject({
      rotated: 'true',
      'old-id': old.id,
      'old-client-id': old.clientId,
      verified: 'true',
      revoked: 'true'
    });
    expect(Date.parse(result.outputs['expires-time'] ?? '') - Date.now()).toBeGreaterThan(29 * DAY_MS);
    // The copied fields and the Duration the Create carried.
    const create = w.c1.requests.find((r) => r.route === 'create');
    expect(create?.body).toEqual({ displayName: 'CI caller', allowSourceCidr: [], scopedRoles: [], expires: '2592000s' });
    expect(result.summary).toContain(`<code>${old.clientId}</code>`);
    expect(result.summary).toContain(`<code>${heldId ?? ''}</code>`);
    expect(leaks(result, [old.secret, heldSecret, w.gh.appToken])).toEqual([]);
  });

  test('client ID in a secret instead of a variable', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'client-id-variable': '', 'client-id-secret': 'C1_CLIENT_ID_SECRET' }));
    expect(result.code).toBe(0);
    const heldId = w.gh.secret(REPO, 'C1_CLIENT_ID_SECRET');
    expect(heldId).toBe(result.outputs['new-client-id']);
    expect(w.gh.variable(REPO, ID_VAR)).toBe(w.c1.caller.clientId);
    expect(await mintsToken(w.c1, heldId, w.gh.secret(REPO, SECRET))).toBe(true);
  });

  test('rotate-within: a credential that expires later is left alone, with a notice', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'rotate-within': '7d' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::notice::.*expires at .*later than rotate-within \(7d\)/u);
    expect(w.c1.requests.map((r) => r.route)).not.toContain('create');
    expect(w.gh.writes()).toEqual([]);
    expect(result.outputs).toMatchObject({ rotated: 'false', 'old-id': 'ci-caller', 'new-id': '', 'expires-time': '', revoked: 'false' });
  });

  test('rotate-within: a credential that expires sooner is rotated', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'rotate-within': '31d' }));
    expect(result.code).toBe(0);
    expect(result.outputs.rotated).toBe('true');
  });

  test('dry run: reads and checks GitHub, creates and stores nothing', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'dry-run': 'true' }));
    expect(result.code).toBe(0);
    expect(w.c1.requests.map((r) => r.route)).toEqual(['token', 'list']);
    expect(w.gh.requests.map((r) => r.route).sort()).toEqual(['getSecret', 'getVariable', 'publicKey']);
    expect(w.gh.writes()).toEqual([]);
    expect(result.outputs).toMatchObject({ rotated: 'false', 'new-client-id': '' });
  });

  test("the old credential's display name shows in the summary as text, not as a link or an image", async () => {
    const w = await start();
    const hostile = '[x](https://evil.example) <img src=x>';
    w.c1.seed({ id: w.c1.caller.id, clientId: w.c1.caller.clientId, displayName: hostile });
    const result = await runRotate(selfInputs(w, { 'dry-run': 'true' }));
    expect(result.code).toBe(0);
    expect(result.summary).toContain('would create a credential');
    expect(result.summary).not.toContain('](https://evil.example)');
    expect(result.summary).not.toContain('<img');
    expect(result.summary).toContain('&#91;x&#93;(https://evil.example) &lt;img src=x&gt;');
  });

  test('dry run without github-token skips the GitHub check with a notice', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'dry-run': 'true', 'github-token': '' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('::notice::Dry run without github-token');
    expect(w.gh.requests).toEqual([]);
  });

  test('revoke-old: false keeps the old credential working', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'revoke-old': 'false' }));
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ rotated: 'true', revoked: 'false' });
    expect(await mintsToken(w.c1, w.c1.caller.clientId, w.c1.caller.secret)).toBe(true);
    expect(await mintsToken(w.c1, w.gh.variable(REPO, ID_VAR), w.gh.secret(REPO, SECRET))).toBe(true);
  });

  test('verify waits until a new credential becomes usable', async () => {
    const w = await start();
    w.c1.newCredentialDelayMs = 1_800;
    const result = await runRotate(selfInputs(w));
    expect(result.code).toBe(0);
    const verifications = w.c1.requests.filter((r) => r.route === 'token').slice(1);
    expect(verifications.length).toBeGreaterThanOrEqual(3);
    expect(verifications.map((r) => r.status).at(-1)).toBe(200);
    // Backoff 0.5 s doubling: attempts at about 0, 0.5, 1.5 and 3.5 s; the credential is usable from 1.8 s.
    const after = Number(/minted a token after (\d+\.\d) s/u.exec(result.summary)?.[1]);
    expect(after).toBeGreaterThanOrEqual(1.8);
    expect(after).toBeLessThan(8);
  });

  test('a credential that refuses to revoke itself is revoked with the new one', async () => {
    const w = await start();
    w.c1.refuseSelfRevoke = true;
    const result = await runRotate(selfInputs(w));
    expect(result.code).toBe(0);
    expect(result.outputs.revoked).toBe('true');
    expect(w.c1.requests.filter((r) => r.route === 'delete').map((r) => r.status)).toEqual([403, 200]);
    expect(await mintsToken(w.c1, w.c1.caller.clientId, w.c1.caller.secret)).toBe(false);
  });
});

describe('rotate: other credentials and kinds', () => {
  test('another personal client by id: copies its fields, revokes it with the caller token', async () => {
    const w = await start();
    const target = generateCredential('deploy-bot-1', `127.0.0.1:${new URL(w.c1.url).port}`);
    w.c1.register(target);
    w.c1.seed({
      id: target.id,
      clientId: target.clientId,
      displayName: 'deploy bot',
      allowSourceCidr: ['10.0.0.0/8'],
      scopedRoles: ['role-read'],
      expiresTime: new Date(Date.now() + 3 * DAY_MS).toISOString()
    });
    w.gh.setSecret(REPO, SECRET, target.secret);
    w.gh.setVariable(REPO, ID_VAR, target.clientId);
    const result = await runRotate(selfInputs(w, { credential: target.id, 'expires-in': '14d' }));
    expect(result.code).toBe(0);
    const create = w.c1.requests.find((r) => r.route === 'create');
    expect(create?.body).toEqual({
      displayName: 'deploy bot',
      allowSourceCidr: ['10.0.0.0/8'],
      scopedRoles: ['role-read'],
      expires: '1209600s'
    });
    expect(await mintsToken(w.c1, target.clientId, target.secret)).toBe(false);
    expect(await mintsToken(w.c1, w.gh.variable(REPO, ID_VAR), w.gh.secret(REPO, SECRET))).toBe(true);
    expect(await mintsToken(w.c1, w.c1.caller.clientId, w.c1.caller.secret)).toBe(true);
  });

  test('service principal credential self: the service principal comes from introspect', async () => {
    const w = await start();
    const sp = 'sp-deployer';
    const self = w.c1.seedSpc(sp, 'spc-one', {
      displayName: 'deployer',
      scopedRoleIds: ['role-a'],
      expiresAt: new Date(Date.now() + DAY_MS).toISOString()
    });
    w.gh.setSecret(REPO, SECRET, self.secret);
    w.gh.setSecret(REPO, 'C1_ID', self.clientId);
    const result = await runRotate(
      selfInputs(w, { 'client-id': self.clientId, 'client-secret': self.secret, 'client-id-variable': '', 'client-id-secret': 'C1_ID' })
    );
    expect({ code: result.code, error: errorLine(result) }).toEqual({ code: 0, error: '' });
    expect(w.c1.requests.map((r) => r.route)).toEqual(['token', 'introspect', 'spcList', 'spcCreate', 'token', 'spcDelete']);
    expect(w.c1.requests.find((r) => r.route === 'spcCreate')?.body).toEqual({
      displayName: 'deployer',
      allowSourceCidrs: [],
      scopedRoles: ['role-a'],
      expires: '2592000s'
    });
    const heldId = w.gh.secret(REPO, 'C1_ID');
    expect(heldId).toMatch(/\/spc$/u);
    expect(await mintsToken(w.c1, heldId, w.gh.secret(REPO, SECRET))).toBe(true);
    expect(w.c1.spcRecords(sp).map((r) => r.clientId)).toEqual([heldId]);
    expect(leaks(result, [self.secret, w.gh.secret(REPO, SECRET)])).toEqual([]);
  });

  test('service principal credential by id with service-principal-id', async () => {
    const w = await start();
    const other = w.c1.seedSpc('sp-x', 'spc-two', { displayName: 'x', allowSourceCidrs: ['192.0.2.0/24'] });
    const result = await runRotate(selfInputs(w, { credential: 'spc-two', 'service-principal-id': 'sp-x', 'expires-in': '90d' }));
    expect(result.code).toBe(0);
    expect(w.c1.requests.find((r) => r.route === 'spcCreate')?.body).toMatchObject({
      allowSourceCidrs: ['192.0.2.0/24'],
      expires: '7776000s'
    });
    expect(w.c1.alive(other.clientId)).toBe(false);
    expect(await mintsToken(w.c1, w.gh.variable(REPO, ID_VAR), w.gh.secret(REPO, SECRET))).toBe(true);
  });
});

describe('rotate: scopes', () => {
  test('environment scope writes the environment secret and variable', async () => {
    const w = await start();
    const scope = 'env:acme/app:prod east';
    w.gh.setVariable(scope, ID_VAR, w.c1.caller.clientId);
    const result = await runRotate(selfInputs(w, { scope: 'environment', environment: 'prod east' }));
    expect(result.code).toBe(0);
    expect(await mintsToken(w.c1, w.gh.variable(scope, ID_VAR), w.gh.secret(scope, SECRET))).toBe(true);
    expect(w.gh.secret(REPO, SECRET)).toBe(w.c1.caller.secret);
    expect(w.gh.writes()).toEqual([
      'putSecret /repos/acme/app/environments/prod%20east/secrets/C1_CLIENT_SECRET',
      'updateVariable /repos/acme/app/environments/prod%20east/variables/C1_CLIENT_ID'
    ]);
  });

  test('organization scope keeps an existing secret visibility and selected repositories; a new variable is private', async () => {
    const w = await start();
    const scope = 'org:acme';
    const selected = Array.from({ length: 130 }, (_, i) => 1000 + i);
    w.gh.setSecret(scope, SECRET, w.c1.caller.secret, { visibility: 'selected', selected });
    const result = await runRotate(selfInputs(w, { scope: 'organization', organization: 'acme' }));
    expect({ code: result.code, error: errorLine(result) }).toEqual({ code: 0, error: '' });
    expect(w.gh.secretEntry(scope, SECRET)).toMatchObject({ visibility: 'selected', selected });
    expect(w.gh.variableEntry(scope, ID_VAR)).toMatchObject({ visibility: 'private' });
    expect(await mintsToken(w.c1, w.gh.variable(scope, ID_VAR), w.gh.secret(scope, SECRET))).toBe(true);
  });
});

describe('rotate: inputs and permissions', () => {
  test('bad input fails before any request, naming the input', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'client-id-secret': 'X' }));
    expect(result.code).toBe(1);
    expect(errorLine(result)).toMatch(/^Input 'client-id-variable': give exactly one/u);
    expect(w.c1.requests).toEqual([]);
    expect(w.gh.requests).toEqual([]);
  });

  test('a GITHUB_TOKEN-like token fails the preflight with the hint, before anything is created', async () => {
    const w = await start();
    const result = await runRotate(selfInputs(w, { 'github-token': w.gh.workflowToken }));
    expect(result.code).toBe(1);
    const error = errorLine(result);
    expect(error).toContain('Resource not accessible by integration');
    expect(error).toContain('GITHUB_TOKEN cannot write secrets');
    expect(error).toContain('actions/create-github-app-token');
    expect(w.c1.requests.map((r) => r.route)).not.toContain('create');
    expect(await mintsToken(w.c1, w.gh.variable(REPO, ID_VAR), w.gh.secret(REPO, SECRET))).toBe(true);
    expect(result.outputs).toMatchObject({ rotated: 'false', 'new-id': '' });
  });

  test('a new credential wider than the old one is refused without allow-unrestricted', async () => {
    const w = await start();
    w.c1.seed({ ...w.c1.record('ci-caller'), id: 'ci-caller', allowSourceCidr: ['10.0.0.0/8'] });
    w.c1.sourceIp = '10.1.2.3'; // the runner, inside the old credential's list (C1 checks it when minting)
    const result = await runRotate(selfInputs(w, { 'allow-source-cidr': '0.0.0.0/0' }));
    expect(result.code).toBe(1);
    expect(errorLine(result)).toMatch(/^Input 'allow-source-cidr': would let the new credential be used from any address/u);
    expect(w.c1.requests.map((r) => r.route)).not.toContain('create');
  });
});
