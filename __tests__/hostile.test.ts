// Unit tests of issue 11's rules ("Hostile data and least privilege"), table-driven over the pure parts: which
// CIDR lists let everyone in, which values widen a credential, the self-lock refusal and warnings, the checks on
// saved state, and how the job summary and the client output treat what C1 sent.
import { parseConfig, type Config } from '../src/config/inputs.js';
import { allowsAll, isCidr, normaliseExisting } from '../src/net/cidr.js';
import type { PersonalClient } from '../src/c1/types.js';
import { planUpdate, type Plan } from '../src/plan/update.js';
import { planRestore } from '../src/plan/undo.js';
import { widens } from '../src/plan/widening.js';
import { outputs, postSummary, summary, text, type Report } from '../src/runner/report.js';
import { readSavedRun, StateKey } from '../src/runner/state.js';
import { inputErrorOf } from './helpers.js';

type Inputs = Readonly<Record<string, string>>;

const NOW = new Date('2026-03-01T12:00:00Z');
const CALLER = 'ci-caller@acme.conductor.one/pcc';
const SECRET = `secret-token:conductorone.com:v1:${Buffer.from(
  JSON.stringify({
    kty: 'OKP',
    crv: 'Ed25519',
    x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A'
  })
).toString('base64url')}`;
const BASE: Inputs = { token: 't', tenant: 'acme', 'personal-client-id': 'blue-whale-1', 'display-name': 'x' };

function configOf(inputs: Inputs, env: Record<string, string> = {}): Config {
  return parseConfig((name) => ({ ...BASE, ...inputs })[name] ?? '', env, NOW);
}

describe('allowsAll: a list that lets every address of a family in', () => {
  test.each<[string, readonly string[], boolean]>([
    ['an empty list', [], true],
    ['0.0.0.0/0', ['0.0.0.0/0'], true],
    ['::/0', ['::/0'], true],
    ['::ffff:0.0.0.0/96, all of IPv4 written mapped', ['::ffff:0.0.0.0/96'], true],
    ['::ffff:0:0/96 in hex', ['::ffff:0:0/96'], true],
    ['::ffff:0.0.0.0/0, which is ::/0', ['::ffff:0.0.0.0/0'], true],
    ['two IPv4 halves', ['0.0.0.0/1', '128.0.0.0/1'], true],
    ['IPv4 halves, one written mapped', ['0.0.0.0/1', '::ffff:128.0.0.0/97'], true],
    ['two IPv6 halves beside a narrow IPv4', ['10.0.0.0/8', '::/1', '8000::/1'], true],
    ['IPv4 quarters with host bits set', ['1.2.3.4/2', '64.0.0.1/2', '128.0.0.0/2', '192.0.0.0/2'], true],
    ['IPv4 quarters with one missing', ['0.0.0.0/2', '64.0.0.0/2', '192.0.0.0/2'], false],
    ['a narrow list', ['10.0.0.0/8', '2001:db8::/32'], false],
    ['0.0.0.0/1 alone', ['0.0.0.0/1'], false],
    ['an unreadable entry beside a narrow one', ['not a cidr', '10.0.0.0/8'], false],
    ['::ffff:0.0.0.0/97, half of IPv4', ['::ffff:0.0.0.0/97'], false]
  ])('%s → %s', (_name, list, expected) => {
    expect(allowsAll(list)).toBe(expected);
  });
});

describe('normaliseExisting compares what C1 holds by meaning, without rewriting it', () => {
  test.each([
    ['::ffff:a01:0/112', '10.1.0.0/16'],
    ['::ffff:10.1.0.0/112', '10.1.0.0/16'],
    ['::ffff:0.0.0.0/0', '::/0'],
    ['::ffff:0.0.0.0/96', '0.0.0.0/0'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['2001:DB8:0::/32', '2001:db8::/32'],
    ['8.8.8.8', '8.8.8.8/32'],
    ['garbage\n::x', 'garbage\n::x']
  ])('%j reads as %j', (held, key) => {
    expect(normaliseExisting(held)).toBe(key);
  });

  test.each(['10.0.0.0/33', '::/129', '1.2.3.4/8/9', '', 'x'])('%j is not a CIDR', (value) => {
    expect(isCidr(value)).toBe(false);
  });
});

describe('widens: values that leave a credential wider than any narrowed one', () => {
  test.each<[string, Parameters<typeof widens>[0], Parameters<typeof widens>[1], RegExp | undefined]>([
    ['an empty list', 'allowSourceCidr', [], /empty allowSourceCidr/u],
    ['an allow-all list', 'allowSourceCidr', ['::/0'], /covers every address/u],
    ['a narrow list', 'allowSourceCidr', ['10.0.0.0/8'], undefined],
    ['no roles', 'scopedRoles', [], /every role of its owner/u],
    ['some roles', 'scopedRoles', ['r1'], undefined],
    ['no expiry', 'expiresTime', null, /never expires/u],
    ['an expiry', 'expiresTime', '2027-01-31T00:00:00Z', undefined],
    ['an empty display name', 'displayName', '', undefined]
  ])('%s', (_name, field, value, expected) => {
    const why = widens(field, value);
    if (expected === undefined) expect(why).toBeUndefined();
    else expect(why).toMatch(expected);
  });
});

describe('inputs that would widen need allow-unrestricted', () => {
  test.each<[string, Inputs, string, RegExp]>([
    ['an allow-all spelling', { 'allow-source-cidr': '::ffff:0.0.0.0/96' }, 'allow-source-cidr', /covers every address/u],
    ['halves that cover all, with runner', { 'allow-source-cidr': '0.0.0.0/1 runner 128.0.0.0/1' }, 'allow-source-cidr', /covers every/u],
    ['an allow-all add', { 'allow-source-cidr': '::/0', 'cidr-mode': 'add' }, 'allow-source-cidr', /covers every/u],
    ['a mask that clears roles', { 'update-mask': 'scopedRoles,displayName' }, 'update-mask', /scopedRoles.*every role/u],
    ['a mask that clears the expiry', { 'update-mask': 'expiresTime,displayName' }, 'update-mask', /expiresTime.*never expires/u],
    ['a mask that clears the list', { 'update-mask': 'allowSourceCidr,displayName' }, 'update-mask', /allowSourceCidr.*anywhere/u],
    ['an allow-all lock', { 'allow-source-cidr': '10.0.0.0/8', cleanup: 'lock', 'lock-cidr': '0.0.0.0/0' }, 'lock-cidr', /locks nothing/u]
  ])('%s is refused, naming %s', (_name, inputs, input, message) => {
    const error = inputErrorOf(() => configOf(inputs));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });

  test.each<[string, Inputs]>([
    ['an allow-all spelling', { 'allow-source-cidr': '0.0.0.0/0' }],
    ['a mask that clears roles', { 'update-mask': 'scopedRoles,displayName' }],
    ['a mask that clears the expiry', { 'update-mask': 'expiresTime,displayName' }]
  ])('%s is accepted with allow-unrestricted: true', (_name, inputs) => {
    expect(() => configOf({ ...inputs, 'allow-unrestricted': 'true' })).not.toThrow();
  });

  test('removing an allow-all entry narrows, and needs no opt-in', () => {
    expect(configOf({ 'allow-source-cidr': '0.0.0.0/0', 'cidr-mode': 'remove' }).allowSourceCidr?.cidrs).toEqual(['0.0.0.0/0']);
  });
});

describe('client IDs and tokens', () => {
  test.each(['x@localhostx/pcc', 'x@localhostx:8080/pcc', 'x@localhost-x/pcc', 'x@acme/pcc'])('%s is refused, naming client-id', (id) => {
    expect(inputErrorOf(() => configOf({ token: '', 'client-id': id, 'client-secret': SECRET })).input).toBe('client-id');
  });

  test.each(['x@localhost/pcc', 'x@localhost:8080/pcc'])('%s is a loopback client ID', (id) => {
    expect(() => configOf({ token: '', 'client-id': id, 'client-secret': SECRET, tenant: 'http://localhost:8080' })).not.toThrow();
  });

  test.each([
    ['a CR/LF inside', 'abc\r\ndef'],
    ['a LF inside', 'abc\ndef'],
    ['a NUL', 'abc\u0000'],
    ['a tab', 'abc\tdef']
  ])('a token with %s is refused as bad input, without quoting it', (_name, token) => {
    const error = inputErrorOf(() => configOf({ token }));
    expect(error.input).toBe('token');
    expect(error.message).not.toContain('abc');
  });

  test('CONDUCTORONE_ACCESS_TOKEN with a line break is refused, naming the variable', () => {
    const error = inputErrorOf(() => configOf({ token: '' }, { CONDUCTORONE_ACCESS_TOKEN: 'abc\ndef' }));
    expect(error.input).toBe('CONDUCTORONE_ACCESS_TOKEN');
  });
});

describe('the key must not lock itself', () => {
  const asCaller = (inputs: Inputs): Inputs => ({ token: '', 'client-id': CALLER, 'client-secret': SECRET, ...inputs });

  test.each<[string, Inputs]>([
    ['self', { 'personal-client-id': 'self' }],
    ['its id', { 'personal-client-id': 'ci-caller' }],
    ['its full client ID', { 'personal-client-id': CALLER }],
    ['its full client ID in another case', { 'personal-client-id': 'ci-caller@ACME.conductor.one/pcc' }],
    ['its name in another case (List matches client IDs case-insensitively)', { 'personal-client-id': 'Ci-Caller@acme.conductor.one/pcc' }],
    ['its id in another case', { 'personal-client-id': 'CI-CALLER' }],
    ['a token named by client-id', { token: 't', 'client-secret': '', 'personal-client-id': 'self' }]
  ])('cleanup: lock of the caller (%s) is refused, naming cleanup', (_name, inputs) => {
    const error = inputErrorOf(() => configOf(asCaller({ cleanup: 'lock', ...inputs })));
    expect(error.input).toBe('cleanup');
    expect(error.message).toMatch(/authenticates with.*could not authenticate.*managing credential.*cleanup: restore/u);
  });

  test.each<[string, Inputs]>([
    ['another id', asCaller({ 'personal-client-id': 'blue-whale-1', cleanup: 'lock' })],
    ['another client ID', asCaller({ 'personal-client-id': 'ci-caller-2@acme.conductor.one/pcc', cleanup: 'lock' })],
    ['an anonymous token', { 'personal-client-id': 'ci-caller', cleanup: 'lock' }]
  ])('cleanup: lock of %s is fine', (_name, inputs) => {
    expect(configOf(inputs).cleanup).toBe('lock');
  });

  test.each<[string, Inputs, RegExp | undefined]>([
    ['runner with cleanup: none', { 'allow-source-cidr': 'runner' }, /next run from another address cannot authenticate/u],
    ['a fixed list with cleanup: none', { 'allow-source-cidr': '198.51.100.0/24' }, /next run must come from inside that list/u],
    ['runner with cleanup: restore', { 'allow-source-cidr': 'runner', cleanup: 'restore' }, undefined],
    ['a remove', { 'allow-source-cidr': '198.51.100.0/24', 'cidr-mode': 'remove' }, undefined],
    ['no CIDR change', { 'display-name': 'new' }, undefined]
  ])('narrowing the caller: %s', (_name, inputs, warning) => {
    const warnings = configOf(asCaller({ 'personal-client-id': 'self', ...inputs })).warnings.filter((w) =>
      w.includes('authenticates with')
    );
    if (warning === undefined) expect(warnings).toEqual([]);
    else expect(warnings).toEqual([expect.stringMatching(warning)]);
  });
});

describe('saved state is held to the main step rules', () => {
  const store = (values: Record<string, string>): { get: (k: string) => string; save: () => void } => ({
    get: (key) => values[key] ?? '',
    save: () => undefined
  });
  const base = {
    [StateKey.validated]: 'true',
    [StateKey.cleanup]: 'restore',
    [StateKey.outcome]: 'accepted',
    [StateKey.id]: 'blue-whale-1'
  };
  const undo = (changes: unknown[], extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ cidrMode: 'replace', cidrsAdded: [], cidrsRemoved: [], changes, ...extra });

  test.each<[string, Record<string, string>, RegExp]>([
    ['an id with a dot segment', { [StateKey.id]: '..' }, /saved id "\.\." is not a valid/u],
    ['an id with a line break', { [StateKey.id]: 'a\nb' }, /saved id "a\\nb" is not a valid/u],
    ['undo that is not JSON', { [StateKey.undo]: '{' }, /not a JSON object/u],
    ['an unknown cidrMode', { [StateKey.undo]: undo([], { cidrMode: 'all' }) }, /no valid cidrMode/u],
    [
      'added entries that are not CIDRs',
      { [StateKey.undo]: undo([], { cidrsAdded: ['x'] }) },
      /cidrsAdded that holds something that is not a CIDR/u
    ],
    [
      'a list of 33',
      { [StateKey.undo]: undo([{ field: 'allowSourceCidr', before: Array(33).fill('10.0.0.0/8'), after: ['10.0.0.0/8'] }]) },
      /33 CIDRs/u
    ],
    ['a display name that is a list', { [StateKey.undo]: undo([{ field: 'displayName', before: ['x'], after: 'y' }]) }, /not text/u],
    ['an unknown field', { [StateKey.undo]: undo([{ field: 'clientSecret', after: 'x' }]) }, /unknown or repeated field/u]
  ])('%s is a problem, and is dropped', (_name, values, problem) => {
    const saved = readSavedRun(store({ ...base, ...values }));
    expect(saved.problems).toEqual([expect.stringMatching(problem)]);
    if (values[StateKey.id] !== undefined) expect(saved.id).toBeUndefined();
    if (values[StateKey.undo] !== undefined) expect(saved.undo).toBeUndefined();
  });

  test('a record the main step planned reads back with no problems', () => {
    const { undo: planned } = planOf({ 'allow-source-cidr': '198.51.100.0/24', cleanup: 'restore' }, client({}));
    const saved = readSavedRun(store({ ...base, [StateKey.undo]: JSON.stringify(planned) }));
    expect(saved.problems).toEqual([]);
    expect(saved.undo).toEqual(planned);
  });
});

function client(fields: Partial<PersonalClient>): PersonalClient {
  return {
    id: 'blue-whale-1',
    displayName: 'ci',
    allowSourceCidr: ['10.0.0.0/8'],
    scopedRoles: ['r1'],
    expiresTime: '2027-01-31T00:00:00Z',
    ...fields
  };
}

function planOf(inputs: Inputs, current: PersonalClient | undefined): Plan {
  return planUpdate({ config: configOf(inputs), current, runnerCidrs: [], now: NOW });
}

describe('restore never widens without the opt-in', () => {
  test.each<[string, Inputs, PersonalClient, RegExp]>([
    [
      'a list that was allow-all',
      { 'allow-source-cidr': '198.51.100.0/24' },
      client({ allowSourceCidr: ['0.0.0.0/0', '::/0'] }),
      /allowSourceCidr/u
    ],
    ['a list that was empty', { 'allow-source-cidr': '198.51.100.0/24' }, client({ allowSourceCidr: [] }), /empty allowSourceCidr/u],
    ['roles that were none', { 'scoped-roles': 'r1' }, client({ scopedRoles: [] }), /scopedRoles/u],
    ['an expiry that was none', { 'expires-in': '30d' }, client({ expiresTime: null }), /expiresTime/u]
  ])('main refuses cleanup: restore of %s, naming cleanup', (_name, inputs, current, field) => {
    const error = inputErrorOf(() => planOf({ ...inputs, cleanup: 'restore' }, current));
    expect(error.input).toBe('cleanup');
    expect(error.message).toMatch(field);
  });

  test('post refuses to put back an allow-all list from a record planned with the opt-in, unless its own inputs allow it', () => {
    const { undo } = planOf(
      { 'allow-source-cidr': '198.51.100.0/24', cleanup: 'restore', 'allow-unrestricted': 'true' },
      client({ allowSourceCidr: ['0.0.0.0/1', '128.0.0.0/1'] })
    );
    const now = client({ allowSourceCidr: ['198.51.100.0/24'] });
    expect(() => planRestore(undo, now, false)).toThrow(/covers every address/u);
    expect(planRestore(undo, now, true).client).toEqual({ allowSourceCidr: ['0.0.0.0/1', '128.0.0.0/1'] });
  });

  test('after an add, restore removes what this run added by meaning and keeps the rest as C1 holds it', () => {
    const { undo } = planOf({ 'allow-source-cidr': '10.1.0.0/16', 'cidr-mode': 'add' }, client({ allowSourceCidr: ['2001:DB8::/32'] }));
    const restored = planRestore(undo, client({ allowSourceCidr: ['2001:DB8::/32', '::ffff:a01:0/112'] }), false);
    expect(restored.client).toEqual({ allowSourceCidr: ['2001:DB8::/32'] });
  });
});

describe('the job summary shows what it did not write as text', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[click](https://evil.example)', '&#91;click&#93;(https://evil.example)'],
    ['`code` **b** _i_ ~s~', '&#96;code&#96; &#42;&#42;b&#42;&#42; &#95;i&#95; &#126;s&#126;'],
    ['a | b \\ c', 'a &#124; b &#92; c'],
    ['line\nbreak\r\nand\u2028more', 'line break and more'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;']
  ])('%j → %j', (input, shown) => {
    expect(text(input)).toBe(shown);
  });

  const report = (after: PersonalClient, before: PersonalClient): Report => ({
    id: 'blue-whale-1',
    after,
    before,
    plan: planOf({ 'display-name': 'release' }, before),
    runnerIp: undefined,
    updated: true,
    dryRun: false,
    cleanup: 'lock',
    lockCidr: ['192.0.2.1/32']
  });

  test("C1's values cannot add markup to the table; the action's own link and list are HTML", () => {
    const hostile = client({ displayName: '</code></td></tr></table><script>alert(1)</script>' });
    const markdown = summary(report({ ...hostile, displayName: 'release' }, hostile), {
      label: 'workflow run 7',
      url: 'https://github.com/a/b/actions/runs/7'
    });
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('&lt;/code&gt;&lt;/td&gt;');
    expect(markdown).toContain('<a href="https://github.com/a/b/actions/runs/7">workflow run 7</a>');
    expect(markdown).toMatch(/^<h3>ConductorOne personal client <code>blue-whale-1<\/code><\/h3>$/mu);
  });

  test('a run link that is not https is shown as text', () => {
    const markdown = summary(report(client({}), client({})), { label: '[x]', url: 'javascript:alert(1)' });
    expect(markdown).not.toContain('<a ');
    expect(markdown).toContain('&#91;x&#93;');
  });

  test('the post summary escapes the values it shows', () => {
    expect(postSummary('blue-whale-1', 'Restored', [{ field: 'displayName', before: 'a', after: '<b>x</b>' }])).toContain(
      '<code>&lt;b&gt;x&lt;/b&gt;</code>'
    );
  });

  test('the client output carries only the PersonalClient schema fields', () => {
    const after = { ...client({}), clientSecret: 'PWNED', extra: { x: 1 } } as PersonalClient;
    const out = JSON.parse(outputs(report(after, client({}))).client ?? '{}') as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['allowSourceCidr', 'displayName', 'expiresTime', 'id', 'scopedRoles']);
  });
});
