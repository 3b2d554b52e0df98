import type { CredentialRecord } from '../src/c1/credentials.js';
import { parseRotateConfig, type RotateConfig } from '../src/config/rotate.js';
import { durationJson, isOrphan, planRotation, rollbackFor, unrestricted, type Failure } from '../src/plan/rotation.js';
import { inputErrorOf } from './helpers.js';

type Inputs = Readonly<Record<string, string>>;

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const PCC = 'blue-whale-1@acme.conductor.one/pcc';
const SPC = 'spc-one@acme.conductor.one/spc';
const SECRET_TEXT =
  'secret-token:conductorone.com:v1:' +
  Buffer.from(
    JSON.stringify({
      kty: 'OKP',
      crv: 'Ed25519',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A'
    })
  ).toString('base64url');
const BASE: Inputs = {
  'client-id': PCC,
  'client-secret': SECRET_TEXT,
  'github-token': 'ghs_x',
  'secret-name': 'C1_SECRET',
  'client-id-variable': 'C1_ID'
};
const ENV = { GITHUB_REPOSITORY: 'acme/app' };

function configOf(inputs: Inputs, env: Record<string, string> = ENV): RotateConfig {
  return parseRotateConfig((name) => ({ ...BASE, ...inputs })[name] ?? '', env);
}

function record(fields: Partial<CredentialRecord> = {}): CredentialRecord {
  return {
    ref: { kind: 'pcc', id: 'blue-whale-1' },
    clientId: PCC,
    displayName: 'ci',
    allowSourceCidr: ['10.0.0.0/8'],
    scopedRoles: ['role-a'],
    expiresTime: new Date(NOW.getTime() + 3 * DAY).toISOString(),
    createdAt: '2026-01-01T00:00:00Z',
    requireDpop: false,
    ...fields
  };
}

describe('parseRotateConfig: input rules', () => {
  test('defaults: self, 30d, repository scope from GITHUB_REPOSITORY, api.github.com, verify on, revoke on', () => {
    const c = configOf({});
    expect(c.target).toEqual({ kind: 'pcc', self: true, id: undefined, clientId: PCC });
    expect(c.expiresInMs).toBe(30 * DAY);
    expect(c.github).toMatchObject({
      scope: 'repository',
      owner: 'acme',
      repo: 'app',
      apiUrl: 'https://api.github.com',
      clientId: { as: 'variable', name: 'C1_ID' }
    });
    expect([c.verify, c.verifyTimeoutMs, c.revokeOld, c.dryRun]).toEqual([true, 90_000, true, false]);
  });

  test('GITHUB_API_URL is the default API URL (GHES)', () => {
    expect(configOf({}, { ...ENV, GITHUB_API_URL: 'https://ghe.example.com/api/v3' }).github.apiUrl).toBe('https://ghe.example.com/api/v3');
  });

  test.each<[string, Inputs, string, RegExp]>([
    ['github-token required without dry-run', { 'github-token': '' }, 'github-token', /GITHUB_TOKEN cannot write secrets/u],
    ['secret-name required', { 'secret-name': '' }, 'secret-name', /is required/u],
    ['neither client-id target', { 'client-id-variable': '' }, 'client-id-variable', /exactly one/u],
    ['both client-id targets', { 'client-id-secret': 'X' }, 'client-id-variable', /exactly one/u],
    [
      'client-id-secret equal to secret-name',
      { 'client-id-variable': '', 'client-id-secret': 'c1_secret' },
      'client-id-secret',
      /same secret/u
    ],
    ['GitHub names', { 'secret-name': 'GITHUB_X' }, 'secret-name', /GITHUB_/u],
    ['a name with a dash', { 'client-id-variable': 'C1-ID' }, 'client-id-variable', /letters, digits and underscores/u],
    ['spc at most 180d', { 'client-id': SPC, 'expires-in': '181d' }, 'expires-in', /180d/u],
    ['expires-in at least 1h', { 'expires-in': '30m' }, 'expires-in', /at least 1h/u],
    ['verify-timeout at most 10m', { 'verify-timeout': '11m' }, 'verify-timeout', /at most 10m/u],
    ['runner refused', { 'allow-source-cidr': 'runner' }, 'allow-source-cidr', /runner/u],
    ['a list of no items', { 'allow-source-cidr': ' , ' }, 'allow-source-cidr', /holds no CIDRs/u],
    ['roles of no items', { 'scoped-roles': ',' }, 'scoped-roles', /holds no role IDs/u],
    ['environment needs scope environment', { environment: 'prod' }, 'environment', /only used with scope: environment/u],
    ['scope environment needs environment', { scope: 'environment' }, 'environment', /required/u],
    ['an environment that is a dot segment', { scope: 'environment', environment: '..' }, 'environment', /expected an environment name/u],
    ['scope organization needs organization', { scope: 'organization' }, 'organization', /required/u],
    ['repository with organization scope', { scope: 'organization', organization: 'acme', repository: 'a/b' }, 'repository', /not used/u],
    ['bad repository', { repository: 'acme' }, 'repository', /owner\/name/u],
    ['unknown scope', { scope: 'repo' }, 'scope', /expected one of/u],
    ['http GitHub API off loopback', { 'github-api-url': 'http://ghe.example.com' }, 'github-api-url', /https/u],
    ['another spc needs its service principal', { credential: 'x@acme.conductor.one/spc' }, 'service-principal-id', /required/u],
    ['wfe has no secret', { credential: 'x@acme.conductor.one/wfe' }, 'credential', /wfe/u],
    ['bad verify boolean', { verify: 'yes' }, 'verify', /true or false/u]
  ])('%s', (_name, inputs, input, message) => {
    const error = inputErrorOf(() => configOf(inputs));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });

  test('repository scope without GITHUB_REPOSITORY names the input', () => {
    expect(inputErrorOf(() => configOf({}, {})).input).toBe('repository');
  });

  test('warns when rotate-within is at least expires-in', () => {
    expect(configOf({ 'rotate-within': '30d' }).warnings.join()).toMatch(/every run will rotate/u);
  });

  test.each<[string, Inputs, unknown]>([
    ['spc self', { 'client-id': SPC }, { kind: 'spc', self: true, id: 'spc-one', clientId: SPC, servicePrincipalId: undefined }],
    ['pcc by id', { credential: 'other-1' }, { kind: 'pcc', self: false, id: 'other-1', clientId: undefined }],
    [
      'pcc by client ID',
      { credential: 'o@acme.conductor.one/pcc' },
      { kind: 'pcc', self: false, id: undefined, clientId: 'o@acme.conductor.one/pcc' }
    ],
    [
      'spc by id',
      { credential: 'c-1', 'service-principal-id': 'sp1' },
      { kind: 'spc', self: false, id: 'c-1', clientId: undefined, servicePrincipalId: 'sp1' }
    ],
    ['the caller by id is self', { credential: 'blue-whale-1' }, { kind: 'pcc', self: true, id: 'blue-whale-1', clientId: undefined }]
  ])('credential: %s', (_name, inputs, target) => {
    expect(configOf(inputs).target).toEqual(target);
  });
});

describe('durationJson: protobuf Duration in JSON', () => {
  test.each<[number, string]>([
    [30 * DAY, '2592000s'],
    [180 * DAY, '15552000s'],
    [3_600_000, '3600s'],
    [1_500, '1s']
  ])('%d ms → %s', (ms, text) => {
    expect(durationJson(ms)).toBe(text);
  });
});

describe('the never-wider rule', () => {
  test.each<[string, string, boolean]>([
    ['IPv4 any', '0.0.0.0/0', true],
    ['IPv6 any', '::/0', true],
    ['IPv4-mapped any', '::ffff:0.0.0.0/96', true],
    ['host bits on /0', '10.1.2.3/0', true],
    ['long IPv6 any', '0:0:0:0:0:0:0:0/0', true],
    ['a network', '10.0.0.0/8', false],
    ['a /1', '0.0.0.0/1', false],
    ['IPv4 halves', '0.0.0.0/1, 128.0.0.0/1', true],
    ['IPv6 halves', '::/1, 8000::/1', true],
    ['IPv4 halves, one mapped', '::ffff:0.0.0.0/97, 128.0.0.0/1', true],
    ['IPv4 halves with a gap', '0.0.0.0/1, 128.0.0.0/2', false]
  ])('unrestricted %s', (_name, cidrs, expected) => {
    expect(unrestricted(cidrs.split(', '))).toBe(expected);
  });

  test('empty and null lists are unrestricted', () => {
    expect([unrestricted(null), unrestricted([]), unrestricted(['10.0.0.0/8'])]).toEqual([true, true, false]);
  });

  test.each<[string, Inputs, Partial<CredentialRecord>, string | undefined]>([
    ['allow-all over a restricted old one', { 'allow-source-cidr': '0.0.0.0/0' }, {}, 'allow-source-cidr'],
    ['IPv4 halves over a restricted old one', { 'allow-source-cidr': '0.0.0.0/1, 128.0.0.0/1' }, {}, 'allow-source-cidr'],
    ['IPv6 halves over a restricted old one', { 'allow-source-cidr': '::/1 8000::/1' }, {}, 'allow-source-cidr'],
    ['allow-all with the opt-in', { 'allow-source-cidr': '0.0.0.0/0', 'allow-unrestricted': 'true' }, {}, undefined],
    ['allow-all when the old one already was', { 'allow-source-cidr': '::/0' }, { allowSourceCidr: [] }, undefined],
    ['copying an unrestricted list', {}, { allowSourceCidr: null, scopedRoles: null }, undefined],
    ['an explicit narrower list', { 'allow-source-cidr': '10.1.0.0/16' }, {}, undefined],
    ['an explicit other list is what the user asked for', { 'allow-source-cidr': '192.0.2.0/24' }, {}, undefined]
  ])('%s', (_name, inputs, old, input) => {
    const run = (): unknown => planRotation(configOf(inputs), record(old), NOW);
    if (input === undefined) expect(run).not.toThrow();
    else expect(inputErrorOf(run).input).toBe(input);
  });

  test('DPoP credentials are refused', () => {
    expect(() => planRotation(configOf({}), record({ requireDpop: true }), NOW)).toThrow(/DPoP/u);
  });
});

describe('planRotation', () => {
  test('copies the old fields; a null list is sent as []', () => {
    const plan = planRotation(configOf({}), record({ allowSourceCidr: null, scopedRoles: null, displayName: 'deploy' }), NOW);
    expect(plan.create).toEqual({ displayName: 'deploy', allowSourceCidr: [], scopedRoles: [], expires: '2592000s' });
    expect(plan.expiresTime).toBe(new Date(NOW.getTime() + 30 * DAY).toISOString());
  });

  test('inputs replace the copied fields', () => {
    const plan = planRotation(
      configOf({ 'display-name': 'new', 'scoped-roles': 'r1 r2', 'allow-source-cidr': '10.1.0.0/16', 'expires-in': '7d' }),
      record(),
      NOW
    );
    expect(plan.create).toEqual({ displayName: 'new', allowSourceCidr: ['10.1.0.0/16'], scopedRoles: ['r1', 'r2'], expires: '604800s' });
  });

  test.each<[string, string | undefined, string | null, boolean]>([
    ['no rotate-within: always', undefined, new Date(NOW.getTime() + 100 * DAY).toISOString(), true],
    ['expires within', '7d', new Date(NOW.getTime() + 3 * DAY).toISOString(), true],
    ['expires later', '2d', new Date(NOW.getTime() + 3 * DAY).toISOString(), false],
    ['no expiry is left alone', '7d', null, false],
    ['already expired', '1d', new Date(NOW.getTime() - DAY).toISOString(), true]
  ])('due: %s', (_name, within, expires, rotate) => {
    const plan = planRotation(configOf(within === undefined ? {} : { 'rotate-within': within }), record({ expiresTime: expires }), NOW);
    expect(plan.due.rotate).toBe(rotate);
  });

  test('the never-wider check runs even when rotation is not due', () => {
    expect(() =>
      planRotation(configOf({ 'rotate-within': '1d', 'allow-source-cidr': '0.0.0.0/0' }), record({ expiresTime: null }), NOW)
    ).toThrow(/allow-source-cidr/u);
  });
});

describe('rollbackFor: what each failure row undoes', () => {
  test.each<[Failure, boolean, Record<string, boolean>]>([
    ['create-rejected', true, { orphanSearch: false, writeBack: false, revokeNew: false, keepBoth: false }],
    ['create-unknown', true, { orphanSearch: true, writeBack: false, revokeNew: false, keepBoth: false }],
    ['verify', true, { orphanSearch: false, writeBack: false, revokeNew: true, keepBoth: false }],
    ['secret-rejected', false, { orphanSearch: false, writeBack: false, revokeNew: true, keepBoth: false }],
    ['secret-unknown', true, { orphanSearch: false, writeBack: false, revokeNew: false, keepBoth: true }],
    ['client-id', true, { orphanSearch: false, writeBack: true, revokeNew: true, keepBoth: false }],
    ['client-id', false, { orphanSearch: false, writeBack: false, revokeNew: false, keepBoth: true }],
    ['revoke-old', true, { orphanSearch: false, writeBack: false, revokeNew: false, keepBoth: false }]
  ])('%s (old secret known: %s)', (failure, known, rollback) => {
    expect(rollbackFor(failure, known)).toEqual(rollback);
  });
});

describe('isOrphan', () => {
  const sent = new Date('2026-03-01T12:00:00Z');
  test.each<[string, Partial<CredentialRecord>, boolean]>([
    ['same name, created after the Create was sent', { ref: { kind: 'pcc', id: 'n1' }, createdAt: '2026-03-01T12:00:01Z' }, true],
    ['within five minutes before (clock skew)', { ref: { kind: 'pcc', id: 'n1' }, createdAt: '2026-03-01T11:56:00Z' }, true],
    ['older than five minutes', { ref: { kind: 'pcc', id: 'n1' }, createdAt: '2026-03-01T11:54:00Z' }, false],
    ['the old credential itself', { createdAt: '2026-03-01T12:00:01Z' }, false],
    ['another name', { ref: { kind: 'pcc', id: 'n1' }, displayName: 'other', createdAt: '2026-03-01T12:00:01Z' }, false],
    ['no creation time', { ref: { kind: 'pcc', id: 'n1' }, createdAt: null }, false]
  ])('%s', (_name, fields, expected) => {
    expect(isOrphan(record(fields), 'ci', 'blue-whale-1', sent)).toBe(expected);
  });
});
