import type { PersonalClient } from '../src/c1/types.js';
import { parseConfig, type Config } from '../src/config/inputs.js';
import { planUpdate, type Plan } from '../src/plan/update.js';
import { planRestore } from '../src/plan/undo.js';
import { inputErrorOf } from './helpers.js';

type Inputs = Readonly<Record<string, string>>;

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const BASE: Inputs = { token: 't', tenant: 'acme', 'personal-client-id': 'blue-whale-1' };

function configOf(inputs: Inputs): Config {
  return parseConfig((name) => ({ ...BASE, ...inputs })[name] ?? '', {}, NOW);
}

function client(fields: Partial<PersonalClient> = {}): PersonalClient {
  return {
    id: 'blue-whale-1',
    clientId: 'blue-whale-1@acme.conductor.one/pcc',
    displayName: 'ci',
    allowSourceCidr: ['10.0.0.0/8'],
    scopedRoles: [],
    expiresTime: null,
    ...fields
  };
}

function plan(inputs: Inputs, current: PersonalClient | undefined, runnerCidrs: readonly string[] = []): Plan {
  return planUpdate({ config: configOf(inputs), current, runnerCidrs, now: NOW });
}

const at = (ms: number): string => new Date(NOW.getTime() + ms).toISOString();
const cidrs = (n: number, third = 0): string[] => Array.from({ length: n }, (_v, i) => `10.${third}.${i}.0/24`);

describe('planUpdate: allowSourceCidr merges', () => {
  test.each<[string, Inputs, PersonalClient | undefined, readonly string[], readonly string[]]>([
    [
      'replace sets exactly the given list',
      { 'allow-source-cidr': '192.168.0.0/16 172.16.0.0/12' },
      client(),
      [],
      ['192.168.0.0/16', '172.16.0.0/12']
    ],
    ['replace without reading sets the given list', { 'allow-source-cidr': '192.168.0.0/16' }, undefined, [], ['192.168.0.0/16']],
    ['replace with runner uses the runner CIDR', { 'allow-source-cidr': 'runner' }, undefined, ['8.8.8.8/32'], ['8.8.8.8/32']],
    [
      'replace with runner and CIDRs keeps both, deduplicated',
      { 'allow-source-cidr': '8.8.8.8 runner 192.168.0.0/16' },
      undefined,
      ['8.8.8.8/32'],
      ['8.8.8.8/32', '192.168.0.0/16']
    ],
    [
      'add makes the union, current entries first',
      { 'allow-source-cidr': '192.168.0.0/16', 'cidr-mode': 'add' },
      client({ allowSourceCidr: ['10.0.0.0/8', '172.16.0.0/12'] }),
      [],
      ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']
    ],
    ['add of the runner', { 'allow-source-cidr': 'runner', 'cidr-mode': 'add' }, client(), ['8.8.8.8/32'], ['10.0.0.0/8', '8.8.8.8/32']],
    [
      'add dedups a CIDR C1 holds in another form, keeping it as C1 holds it',
      { 'allow-source-cidr': '2001:db8::/32 192.168.0.0/16', 'cidr-mode': 'add' },
      client({ allowSourceCidr: ['2001:DB8:0::/32'] }),
      [],
      ['2001:DB8:0::/32', '192.168.0.0/16']
    ],
    [
      'add to a credential with a null list',
      { 'allow-source-cidr': '192.168.0.0/16', 'cidr-mode': 'add' },
      client({ allowSourceCidr: null }),
      [],
      ['192.168.0.0/16']
    ],
    [
      'remove takes the given CIDRs out',
      { 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['10.0.0.0/8', '192.168.0.0/16'] }),
      [],
      ['192.168.0.0/16']
    ],
    [
      'remove matches a bare IP against its /32',
      { 'allow-source-cidr': '8.8.8.8', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['8.8.8.8', '10.0.0.0/8'] }),
      [],
      ['10.0.0.0/8']
    ],
    [
      'remove of the runner',
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['10.0.0.0/8', '8.8.8.8/32'] }),
      ['8.8.8.8/32'],
      ['10.0.0.0/8']
    ],
    [
      'remove drops duplicate entries C1 holds',
      { 'allow-source-cidr': '172.16.0.0/12', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['10.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12'] }),
      [],
      ['10.0.0.0/8']
    ],
    [
      'remove to empty with allow-unrestricted',
      { 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'remove', 'allow-unrestricted': 'true' },
      client(),
      [],
      []
    ],
    [
      'a mask that clears the list, with allow-unrestricted',
      { 'update-mask': 'allowSourceCidr', 'allow-unrestricted': 'true' },
      client(),
      [],
      []
    ]
  ])('%s', (_name, inputs, current, runner, expected) => {
    const result = plan(inputs, current, runner);
    expect(result.mask).toEqual(['allowSourceCidr']);
    expect(result.client).toEqual({ allowSourceCidr: expected });
  });

  test.each<[string, Inputs, PersonalClient, readonly string[], string, RegExp]>([
    [
      'refuses a remove of the last entry',
      { 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'remove' },
      client(),
      [],
      'allow-source-cidr',
      /leave an empty allowSourceCidr.*allow-unrestricted: true/u
    ],
    [
      'refuses a remove that empties the list',
      { 'allow-source-cidr': '10.0.0.0/8 192.168.0.0/16', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['192.168.0.0/16', '10.0.0.0/8'] }),
      [],
      'allow-source-cidr',
      /anywhere/u
    ],
    [
      'refuses an add that merges to 33 CIDRs',
      { 'allow-source-cidr': cidrs(3, 1).join(' '), 'cidr-mode': 'add' },
      client({ allowSourceCidr: cidrs(30) }),
      [],
      'allow-source-cidr',
      /gives 33; C1 allows at most 32/u
    ],
    [
      'refuses 32 given CIDRs plus the runner',
      { 'allow-source-cidr': `${cidrs(32).join(' ')} runner` },
      client(),
      ['8.8.8.8/32'],
      'allow-source-cidr',
      /33 CIDRs; C1 allows at most 32/u
    ],
    [
      'refuses a restore cleanup that would put back an empty list',
      { 'allow-source-cidr': '192.168.0.0/16', cleanup: 'restore' },
      client({ allowSourceCidr: [] }),
      [],
      'cleanup',
      /empty allowSourceCidr.*cleanup: lock/u
    ],
    [
      'refuses a restore cleanup of a credential with a null list',
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'add', cleanup: 'restore' },
      client({ allowSourceCidr: null }),
      ['8.8.8.8/32'],
      'cleanup',
      /allow from anywhere/u
    ]
  ])('%s', (_name, inputs, current, runner, input, pattern) => {
    const error = inputErrorOf(() => plan(inputs, current, runner));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(pattern);
  });

  test.each<[string, Inputs, PersonalClient]>([
    [
      'an add that merges to exactly 32',
      { 'allow-source-cidr': cidrs(2, 1).join(' '), 'cidr-mode': 'add' },
      client({ allowSourceCidr: cidrs(30) })
    ],
    [
      'a restore cleanup with an empty list before, and allow-unrestricted',
      { 'allow-source-cidr': '192.168.0.0/16', cleanup: 'restore', 'allow-unrestricted': 'true' },
      client({ allowSourceCidr: [] })
    ],
    [
      'a lock cleanup with an empty list before',
      { 'allow-source-cidr': '192.168.0.0/16', cleanup: 'lock' },
      client({ allowSourceCidr: [] })
    ]
  ])('allows %s', (_name, inputs, current) => {
    expect(plan(inputs, current).mask).toEqual(['allowSourceCidr']);
  });
});

describe('planUpdate: unchanged fields', () => {
  test.each<[string, Inputs, PersonalClient, readonly string[]]>([
    [
      'drops an unchanged display name from the mask',
      { 'display-name': 'ci', 'expires-in': '30d' },
      client({ displayName: 'ci' }),
      ['expiresTime']
    ],
    [
      'compares lists as sets',
      { 'allow-source-cidr': '192.168.0.0/16 10.0.0.0/8', 'scoped-roles': 'r2 r1', 'display-name': 'new' },
      client({ allowSourceCidr: ['10.0.0.0/8', '192.168.0.0/16'], scopedRoles: ['r1', 'r2'] }),
      ['displayName']
    ],
    [
      'compares CIDRs in canonical form',
      { 'allow-source-cidr': '2001:db8::/32 8.8.8.8', 'display-name': 'new' },
      client({ allowSourceCidr: ['8.8.8.8/32', '2001:0db8::/32'] }),
      ['displayName']
    ],
    [
      'compares expiries as instants',
      { 'expires-time': '2027-01-31T01:00:00+01:00', 'display-name': 'new' },
      client({ expiresTime: '2027-01-31T00:00:00.000Z' }),
      ['displayName']
    ],
    ['keeps a changed list of the same length', { 'scoped-roles': 'r1 r3' }, client({ scopedRoles: ['r1', 'r2'] }), ['scopedRoles']],
    ['keeps a longer list that contains the current one', { 'scoped-roles': 'r1 r2' }, client({ scopedRoles: ['r1'] }), ['scopedRoles']],
    [
      'keeps a different expiry',
      { 'expires-time': '2027-01-31T00:00:01Z' },
      client({ expiresTime: '2027-01-31T00:00:00Z' }),
      ['expiresTime']
    ],
    ['keeps an expiry for a credential with none', { 'expires-in': '30d' }, client({ expiresTime: null }), ['expiresTime']],
    [
      'drops clearing a display name that is already empty',
      { 'update-mask': 'displayName,scopedRoles', 'scoped-roles': 'r1' },
      client({ displayName: '' }),
      ['scopedRoles']
    ],
    [
      'drops clearing an expiry that is already none',
      { 'update-mask': 'expiresTime,displayName', 'display-name': 'new', 'allow-unrestricted': 'true' },
      client({ expiresTime: null }),
      ['displayName']
    ],
    [
      'drops clearing an expiry that is absent',
      { 'update-mask': 'expiresTime,displayName', 'display-name': 'new', 'allow-unrestricted': 'true' },
      { id: 'blue-whale-1' },
      ['displayName']
    ],
    [
      'keeps clearing scoped roles that are set, with allow-unrestricted',
      { 'update-mask': 'scopedRoles', 'allow-unrestricted': 'true' },
      client({ scopedRoles: ['r1'] }),
      ['scopedRoles']
    ]
  ])('%s', (_name, inputs, current, mask) => {
    expect(plan(inputs, current).mask).toEqual(mask);
  });

  test('plans nothing when every field already holds its planned value', () => {
    const result = plan(
      { 'display-name': 'ci', 'allow-source-cidr': '10.0.0.0/8', 'scoped-roles': 'r1', 'expires-time': '2027-01-31T00:00:00Z' },
      client({ scopedRoles: ['r1'], expiresTime: '2027-01-31T00:00:00Z' })
    );
    expect(result.mask).toEqual([]);
    expect(result.client).toEqual({});
    expect(result.changes).toEqual([]);
    expect(result.undo).toMatchObject({ changes: [], cidrsAdded: [], cidrsRemoved: [] });
  });

  test('sends every masked field when the credential was not read', () => {
    const result = plan(
      { 'display-name': 'ci', 'scoped-roles': 'r1', 'allow-source-cidr': '10.0.0.0/8', 'expires-time': '2027-01-31T00:00:00Z' },
      undefined
    );
    expect(result.mask).toEqual(['displayName', 'scopedRoles', 'allowSourceCidr', 'expiresTime']);
    expect(result.client).toEqual({
      displayName: 'ci',
      scopedRoles: ['r1'],
      allowSourceCidr: ['10.0.0.0/8'],
      expiresTime: '2027-01-31T00:00:00.000Z'
    });
    expect(result.changes.every((c) => c.before === undefined)).toBe(true);
  });

  test('sends cleared fields as empty values and a null expiry', () => {
    const result = plan({ 'update-mask': 'displayName,scopedRoles,expiresTime', 'allow-unrestricted': 'true' }, undefined);
    expect(result.client).toEqual({ displayName: '', scopedRoles: [], expiresTime: null });
  });

  // Lists compare as sets: a current list with a duplicate (['r1','r1']) is not the same as ['r1','r2'].
  test('does not drop a scoped-roles change when C1 holds a duplicate role', () => {
    expect(plan({ 'scoped-roles': 'r1 r2' }, client({ scopedRoles: ['r1', 'r1'] })).mask).toEqual(['scopedRoles']);
  });
});

describe('planUpdate: refresh-within', () => {
  const REFRESH: Inputs = { 'expires-in': '30d', 'refresh-within': '7d' };

  test.each<[string, Inputs, PersonalClient, RegExp]>([
    ['leaves a credential with no expiry alone', REFRESH, client({ expiresTime: null }), /has no expiry/u],
    ['leaves a credential with an empty expiry alone', REFRESH, client({ expiresTime: '' }), /has no expiry/u],
    ['leaves an expiry further away than the window', REFRESH, client({ expiresTime: at(20 * DAY) }), /more than 7d from now/u],
    [
      'leaves an expiry when the new one is not later',
      { 'expires-in': '1d', 'refresh-within': '7d' },
      client({ expiresTime: at(3 * DAY) }),
      /is not later than/u
    ],
    [
      'leaves an expiry when the new one is the same instant',
      { 'expires-time': at(3 * DAY), 'refresh-within': '7d' },
      client({ expiresTime: at(3 * DAY) }),
      /is not later than/u
    ]
  ])('%s, with a notice', (_name, inputs, current, notice) => {
    const result = plan(inputs, current);
    expect(result.mask).toEqual([]);
    expect(result.notices).toEqual([expect.stringMatching(notice)]);
    expect(result.notices[0]).toMatch(/^expiresTime left as it is: /u);
  });

  test.each<[string, PersonalClient]>([
    ['changes an expiry inside the window', client({ expiresTime: at(3 * DAY) })],
    ['changes an expiry exactly at the window edge', client({ expiresTime: at(7 * DAY) })],
    ['changes an expiry already past', client({ expiresTime: at(-DAY) })]
  ])('%s', (_name, current) => {
    const result = plan(REFRESH, current);
    expect(result.mask).toEqual(['expiresTime']);
    expect(result.client).toEqual({ expiresTime: at(30 * DAY) });
    expect(result.notices).toEqual([]);
  });

  test('still sends the other fields when it leaves the expiry', () => {
    const result = plan({ ...REFRESH, 'display-name': 'new' }, client({ expiresTime: at(20 * DAY) }));
    expect(result.mask).toEqual(['displayName']);
  });
});

describe('planUpdate: undo record', () => {
  test.each<[string, Inputs, PersonalClient | undefined, readonly string[], { added: readonly string[]; removed: readonly string[] }]>([
    [
      'add records only the CIDRs that were not there',
      { 'allow-source-cidr': '10.0.0.0/8 192.168.0.0/16', 'cidr-mode': 'add' },
      client(),
      [],
      { added: ['192.168.0.0/16'], removed: [] }
    ],
    [
      'add of the runner records the runner CIDR',
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'add' },
      client(),
      ['8.8.8.8/32'],
      { added: ['8.8.8.8/32'], removed: [] }
    ],
    [
      'remove records what it took out',
      { 'allow-source-cidr': '192.168.0.0/16 172.16.0.0/12', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['10.0.0.0/8', '192.168.0.0/16'] }),
      [],
      { added: [], removed: ['192.168.0.0/16'] }
    ],
    [
      'replace records both sides',
      { 'allow-source-cidr': '192.168.0.0/16 10.0.0.0/8' },
      client({ allowSourceCidr: ['10.0.0.0/8', '172.16.0.0/12'] }),
      [],
      { added: ['192.168.0.0/16'], removed: ['172.16.0.0/12'] }
    ],
    [
      'replace without reading cannot know what it removed',
      { 'allow-source-cidr': '192.168.0.0/16' },
      undefined,
      [],
      { added: ['192.168.0.0/16'], removed: [] }
    ],
    ['no CIDR change records nothing', { 'display-name': 'new' }, client(), [], { added: [], removed: [] }]
  ])('%s', (_name, inputs, current, runner, { added, removed }) => {
    const { undo } = plan(inputs, current, runner);
    expect(undo.cidrsAdded).toEqual(added);
    expect(undo.cidrsRemoved).toEqual(removed);
  });

  test('records mode and each change with its value before and after', () => {
    const { undo } = plan(
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'add', 'expires-in': '1d', cleanup: 'restore' },
      client({ expiresTime: '2026-03-05T00:00:00Z' }),
      ['8.8.8.8/32']
    );
    expect(undo.cidrMode).toBe('add');
    expect(undo.changes).toEqual([
      { field: 'allowSourceCidr', before: ['10.0.0.0/8'], after: ['10.0.0.0/8', '8.8.8.8/32'] },
      { field: 'expiresTime', before: '2026-03-05T00:00:00Z', after: at(DAY) }
    ]);
  });
});

describe('planRestore', () => {
  test.each<[string, Inputs, PersonalClient, readonly string[], PersonalClient, readonly string[] | undefined]>([
    [
      'after add, removes only this run’s CIDRs and keeps ones added meanwhile',
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'add' },
      client({ allowSourceCidr: ['10.0.0.0/8'] }),
      ['8.8.8.8/32'],
      client({ allowSourceCidr: ['10.0.0.0/8', '8.8.8.8/32', '172.16.0.0/12'] }),
      ['10.0.0.0/8', '172.16.0.0/12']
    ],
    [
      'after add, does not remove a CIDR that was there before',
      { 'allow-source-cidr': '10.0.0.0/8 192.168.0.0/16', 'cidr-mode': 'add' },
      client({ allowSourceCidr: ['10.0.0.0/8'] }),
      [],
      client({ allowSourceCidr: ['10.0.0.0/8', '192.168.0.0/16'] }),
      ['10.0.0.0/8']
    ],
    [
      'after add, matches this run’s CIDR in whatever form C1 now writes it',
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'add' },
      client({ allowSourceCidr: ['10.0.0.0/8'] }),
      ['2001:db8::7/128'],
      client({ allowSourceCidr: ['10.0.0.0/8', '2001:0DB8:0:0::7/128'] }),
      ['10.0.0.0/8']
    ],
    [
      'after add, does nothing when this run’s CIDR is already gone',
      { 'allow-source-cidr': 'runner', 'cidr-mode': 'add' },
      client({ allowSourceCidr: ['10.0.0.0/8'] }),
      ['8.8.8.8/32'],
      client({ allowSourceCidr: ['10.0.0.0/8', '172.16.0.0/12'] }),
      undefined
    ],
    [
      'after remove, adds back what it removed',
      { 'allow-source-cidr': '192.168.0.0/16', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['10.0.0.0/8', '192.168.0.0/16'] }),
      [],
      client({ allowSourceCidr: ['10.0.0.0/8', '172.16.0.0/12'] }),
      ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']
    ],
    [
      'after remove, does nothing when it is already back',
      { 'allow-source-cidr': '192.168.0.0/16', 'cidr-mode': 'remove' },
      client({ allowSourceCidr: ['10.0.0.0/8', '192.168.0.0/16'] }),
      [],
      client({ allowSourceCidr: ['192.168.0.0/16', '10.0.0.0/8'] }),
      undefined
    ],
    [
      'after replace, restores the list while it still holds what this run set',
      { 'allow-source-cidr': 'runner' },
      client({ allowSourceCidr: ['10.0.0.0/8', '172.16.0.0/12'] }),
      ['8.8.8.8/32'],
      client({ allowSourceCidr: ['8.8.8.8'] }),
      ['10.0.0.0/8', '172.16.0.0/12']
    ],
    [
      'after replace, compares the list held now as a set',
      { 'allow-source-cidr': '192.168.0.0/16 8.8.8.8' },
      client({ allowSourceCidr: ['10.0.0.0/8'] }),
      [],
      client({ allowSourceCidr: ['8.8.8.8/32', '192.168.0.0/16'] }),
      ['10.0.0.0/8']
    ]
  ])('%s', (_name, inputs, before, runner, now, expected) => {
    const { undo } = plan(inputs, before, runner);
    const restore = planRestore(undo, now, false);
    expect(restore.warnings).toEqual([]);
    if (expected === undefined) {
      expect(restore.mask).toEqual([]);
      expect(restore.client).toEqual({});
    } else {
      expect(restore.mask).toEqual(['allowSourceCidr']);
      expect(restore.client).toEqual({ allowSourceCidr: expected });
    }
  });

  test('after replace, warns and leaves a list someone else changed since', () => {
    const { undo } = plan({ 'allow-source-cidr': 'runner' }, client(), ['8.8.8.8/32']);
    const restore = planRestore(undo, client({ allowSourceCidr: ['8.8.8.8/32', '1.1.1.1/32'] }), false);
    expect(restore.mask).toEqual([]);
    expect(restore.warnings).toEqual([
      expect.stringMatching(/^allowSourceCidr was changed by someone else.*\(8\.8\.8\.8\/32, 1\.1\.1\.1\/32\)/u)
    ]);
  });

  test.each<[string, Inputs, PersonalClient, PersonalClient, Partial<Record<string, unknown>> | undefined]>([
    [
      'puts back a display name still as this run set it',
      { 'display-name': 'run-123' },
      client({ displayName: 'ci' }),
      client({ displayName: 'run-123' }),
      { displayName: 'ci' }
    ],
    [
      'leaves a display name changed since',
      { 'display-name': 'run-123' },
      client({ displayName: 'ci' }),
      client({ displayName: 'someone' }),
      undefined
    ],
    [
      'puts back scoped roles still as this run set them, in any order',
      { 'scoped-roles': 'r2 r3' },
      client({ scopedRoles: ['r1'] }),
      client({ scopedRoles: ['r3', 'r2'] }),
      { scopedRoles: ['r1'] }
    ],
    [
      'leaves scoped roles changed since',
      { 'scoped-roles': 'r2' },
      client({ scopedRoles: ['r1'] }),
      client({ scopedRoles: ['r2', 'r9'] }),
      undefined
    ],
    [
      'puts back an expiry still the same instant, however C1 writes it',
      { 'expires-time': '2027-01-31T00:00:00Z' },
      client({ expiresTime: '2026-06-01T00:00:00Z' }),
      client({ expiresTime: '2027-01-31T01:00:00+01:00' }),
      { expiresTime: '2026-06-01T00:00:00Z' }
    ],
    [
      'puts back no expiry, with allow-unrestricted',
      { 'expires-time': '2027-01-31T00:00:00Z', 'allow-unrestricted': 'true' },
      client({ expiresTime: null }),
      client({ expiresTime: '2027-01-31T00:00:00Z' }),
      { expiresTime: null }
    ],
    [
      'leaves an expiry changed since',
      { 'expires-time': '2027-01-31T00:00:00Z' },
      client({ expiresTime: '2026-06-01T00:00:00Z' }),
      client({ expiresTime: '2027-02-28T00:00:00Z' }),
      undefined
    ]
  ])('%s', (_name, inputs, before, now, expected) => {
    const { undo } = plan(inputs, before);
    const restore = planRestore(undo, now, inputs['allow-unrestricted'] === 'true');
    if (expected === undefined) {
      expect(restore.mask).toEqual([]);
      expect(restore.warnings).toEqual([expect.stringMatching(/changed by someone else since this run set it; left as it is/u)]);
    } else {
      expect(restore.client).toEqual(expected);
      expect(restore.mask).toEqual(Object.keys(expected));
      expect(restore.warnings).toEqual([]);
    }
  });

  test('restores each field on its own: one put back, one left with a warning', () => {
    const { undo } = plan({ 'display-name': 'run-123', 'scoped-roles': 'r2' }, client({ displayName: 'ci', scopedRoles: ['r1'] }));
    const restore = planRestore(undo, client({ displayName: 'run-123', scopedRoles: ['r9'] }), false);
    expect(restore.mask).toEqual(['displayName']);
    expect(restore.client).toEqual({ displayName: 'ci' });
    expect(restore.warnings).toEqual([expect.stringMatching(/^scopedRoles was changed/u)]);
  });

  test('warns that a value not read before cannot be put back', () => {
    const { undo } = plan({ 'display-name': 'run-123' }, undefined);
    const restore = planRestore(undo, client({ displayName: 'run-123' }), false);
    expect(restore.mask).toEqual([]);
    expect(restore.warnings).toEqual([expect.stringMatching(/displayName: the value before this run is not known/u)]);
  });

  test('records each restored change with the value now and the value it puts back', () => {
    const { undo } = plan({ 'allow-source-cidr': 'runner', 'cidr-mode': 'add' }, client(), ['8.8.8.8/32']);
    expect(planRestore(undo, client({ allowSourceCidr: ['10.0.0.0/8', '8.8.8.8/32'] }), false).changes).toEqual([
      { field: 'allowSourceCidr', before: ['10.0.0.0/8', '8.8.8.8/32'], after: ['10.0.0.0/8'] }
    ]);
  });
});
