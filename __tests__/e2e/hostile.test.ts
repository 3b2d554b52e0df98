// End-to-end tests of issue 11 ("Hostile data and least privilege"): the built action, run as the runner runs it,
// against a C1 stand-in and echo services that serve hostile data, and against inputs and saved state that try to
// widen a credential. Each test checks what a user (or an attacker) would: the runner's view of stdout, the job
// summary, the outputs, the requests sent, and what C1 holds afterwards.
import { startEcho } from '../standin/echo.mjs';
import { apiCalls, assertionInputs, errorLine, expectFailure, expectSuccess, runMain, startWorld, TARGET, type C1 } from './fixtures.js';
import { runStep, type StepResult } from './runner.mjs';

type Echo = Awaited<ReturnType<typeof startEcho>>;

/** Every hostile string carries PWNED, so a test can tell its text from the action's own. */
const INJECT =
  'PWNED\n::warning::PWNED-annotation\r\n::add-mask::PWNED-mask\n  ::stop-commands::PWNED\n##[error]PWNED-legacy\u2028::error::PWNED-u2028';
const MARKUP = 'PWNED <img src=x onerror=alert(1)> [click](https://evil.example) `code` **bold** _em_ |pipe| <script>x</script>';
const FAST = { 'retry-max-attempts': '1', 'request-timeout': '2s' } as const;
const PUBLIC = '8.8.4.4';

let c1: C1;
let echoes: Echo[] = [];
beforeEach(async () => {
  c1 = await startWorld();
});
afterEach(async () => {
  await Promise.all([c1.close(), ...echoes.map((e) => e.close())]);
  echoes = [];
});

/** reseed changes fields of the target record (any fields, hostile ones included) before the step runs. */
function reseed(fields: Record<string, unknown>): void {
  const current = c1.record(TARGET);
  if (current === undefined) throw new Error('no target record');
  c1.seed({ ...current, ...fields });
  c1.clearLog();
}

/**
 * foreignCommands lists the stdout lines the runner would act on that the action did not mean to write: any line
 * whose first non-blank characters are `::` other than the action's own notice/warning/error/debug lines and its
 * masks, and any line holding the legacy `##[`. Hostile text always carries PWNED, so a mask of it is foreign too.
 */
function foreignCommands(result: StepResult): string[] {
  return result.stdout.split('\n').filter((line) => {
    if (line.includes('##[')) return true;
    if (!/^\s*::/u.test(line)) return false;
    const own = /^::(notice|warning|error|debug)::/u.test(line) || (/^::add-mask::/u.test(line) && !line.includes('PWNED'));
    return !own;
  });
}

/** expectNoInjection asserts the hostile text reached stdout (so the path was taken) and steered nothing. */
function expectNoInjection(result: StepResult): void {
  expect(result.stdout).toContain('PWNED');
  expect(foreignCommands(result)).toEqual([]);
  expect(result.stdout).not.toContain('\r');
  expect(result.stdout).not.toContain('\u2028');
}

async function echo(answer: string): Promise<Echo> {
  const started = await startEcho({ answer });
  echoes.push(started);
  return started;
}

/** updates are the bodies of the Updates the step sent. */
function updates(): unknown[] {
  return c1.requests.filter((r) => r.route === 'update').map((r) => r.body);
}

describe('class 1: no untrusted text becomes a workflow command', () => {
  test('C1 record fields in dry-run change lines and notices', async () => {
    reseed({ displayName: INJECT, expiresTime: INJECT, scopedRoles: [INJECT] });

    const result = await runMain(
      assertionInputs(c1, { 'display-name': 'release', 'expires-in': '30d', 'refresh-within': '7d', 'dry-run': 'true' })
    );

    expectSuccess(result);
    expectNoInjection(result);
  });

  test('a display-name input that carries commands, in the change notices of a real Update', async () => {
    const result = await runMain(assertionInputs(c1, { 'display-name': `release ${INJECT}` }));

    expectSuccess(result);
    expect(c1.record(TARGET)?.displayName).toBe(`release ${INJECT}`);
    expectNoInjection(result);
  });

  test("C1's error message and an entry C1 holds that is not a CIDR, quoted in the failure", async () => {
    reseed({ allowSourceCidr: [INJECT] });
    c1.addFault('update', { status: 400, body: { code: 3, message: INJECT } });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'add', ...FAST }));

    expectFailure(result);
    expectNoInjection(result);
  });

  test('an id that List returns, quoted when it is refused', async () => {
    c1.seed({ id: INJECT, clientId: `evil@127.0.0.1:${c1.port}/pcc` });

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': `evil@127.0.0.1:${c1.port}/pcc`, 'display-name': 'x' }));

    expectFailure(result);
    expectNoInjection(result);
  });

  test('echo-service answers, quoted when no quorum is reached', async () => {
    const [e1, e2] = [await echo(INJECT), await echo(`${INJECT} 2`)];

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': 'runner', 'runner-ip-sources': `${e1.url}, ${e2.url}` }));

    expectFailure(result);
    expectNoInjection(result);
    expect(apiCalls(c1)).not.toContain('POST update');
  });
});

describe('class 2: the job summary shows untrusted text as text', () => {
  test("C1's values, a notice quoting its expiry, and an echo answer render no markup", async () => {
    reseed({ displayName: MARKUP, expiresTime: MARKUP });
    const [good1, good2, bad] = [await echo(PUBLIC), await echo(PUBLIC), await echo(MARKUP)];

    const result = await runMain(
      assertionInputs(c1, {
        'display-name': 'release',
        'allow-source-cidr': 'runner',
        'runner-ip-sources': `${bad.url}, ${good1.url}, ${good2.url}`,
        'runner-ip-quorum': '2',
        'expires-in': '30d',
        'refresh-within': '7d'
      })
    );

    expectSuccess(result);
    const summary = result.summary;
    // The hostile text is there, shown as text: escaped, with every markup character written as an entity.
    expect(summary).toContain('PWNED &lt;img src=x onerror=alert(1)&gt;');
    for (const markup of ['<img', '<script', '](', '`', '**', '_em_', '|pipe|']) expect(summary).not.toContain(markup);
    // The action's own markup is still there: heading, table, list and the run link.
    expect(summary).toMatch(/<h3>ConductorOne personal client <code>blue-whale-12345<\/code><\/h3>/u);
    expect(summary).toContain('<a href="https://github.com/acme/app/actions/runs/4242">workflow run 4242</a>');
  });
});

describe('class 3: ids from C1 are checked like the personal-client-id input', () => {
  test.each([
    ['..', 'a dot segment'],
    ['.', 'a dot'],
    ['a/b', 'a slash'],
    ['blue\nwhale', 'a line break']
  ])('a List id of %j (%s) is refused before any path uses it', async (id) => {
    const clientId = `evil@127.0.0.1:${c1.port}/pcc`;
    c1.seed({ id, clientId });

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': clientId, 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('List of personal clients');
    expect(error).toContain('not a valid personal client id');
    expect(apiCalls(c1)).toEqual(['POST token', 'GET list']);
    expect(c1.requests.every((r) => r.path.startsWith('/api/v1/iam/personal_clients') || r.path === '/auth/v1/token')).toBe(true);
  });

  test('a saved id that is not valid is not used: restore refuses, nothing is sent', async () => {
    const inputs = assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', 'cidr-mode': 'add', cleanup: 'restore' });
    const main = await runMain(inputs);
    expectSuccess(main);
    c1.clearLog();

    const post = await runStep('post', { inputs, state: { ...main.state, id: '..' } });

    expect(post.code).toBe(1);
    expect(errorLine(post)).toContain('not a valid personal client id');
    expect(apiCalls(c1)).toEqual([]);
  });

  test('a saved id that is not valid does not stop a lock: the credential the inputs name is locked', async () => {
    const inputs = assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', cleanup: 'lock' });
    const main = await runMain(inputs);
    expectSuccess(main);
    c1.clearLog();

    const post = await runStep('post', { inputs, state: { ...main.state, id: '../..' } });

    expectSuccess(post);
    expect(post.stdout).toMatch(/^::warning::.*not a valid personal client id/mu);
    expect(c1.requests.filter((r) => r.route === 'update').map((r) => r.path)).toEqual([`/api/v1/iam/personal_clients/${TARGET}`]);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['192.0.2.1/32']);
  });
});

describe('class 4: List paging is bounded', () => {
  const clientId = (): string => `nobody@127.0.0.1:${c1.port}/pcc`;

  test('a server that always hands out a new page token is asked at most 200 times, then the step fails naming List', async () => {
    c1.endlessPageTokenLength = 40;

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': clientId(), 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('List of personal clients');
    expect(error).toContain('200 pages');
    expect(c1.requests.filter((r) => r.route === 'list')).toHaveLength(200);
    expect(apiCalls(c1)).not.toContain('POST update');
  });

  test('a huge page token ends paging at once', async () => {
    c1.endlessPageTokenLength = 12_000;

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': clientId(), 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('List of personal clients');
    expect(error).toContain('page token of 12000 characters');
    expect(c1.requests.filter((r) => r.route === 'list')).toHaveLength(1);
  });
});

describe('class 5 and 6: every way to widen needs allow-unrestricted, and names the field', () => {
  test.each([
    ['0.0.0.0/0', 'allow-source-cidr'],
    ['::/0', 'allow-source-cidr'],
    ['::ffff:0.0.0.0/96', 'allow-source-cidr'],
    ['0.0.0.0/1, 128.0.0.0/1', 'allow-source-cidr'],
    ['8000::/1 ::/1 10.0.0.0/8', 'allow-source-cidr']
  ])('allow-source-cidr %s is refused before the network', async (list, input) => {
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': list }));

    const error = expectFailure(result);
    expect(error).toContain(`Input '${input}'`);
    expect(error).toContain('allow-unrestricted: true');
    expect(c1.requests).toEqual([]);
  });

  test('an add whose merge covers every address is refused before the Update', async () => {
    reseed({ allowSourceCidr: ['0.0.0.0/1'] });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '128.0.0.0/1', 'cidr-mode': 'add' }));

    const error = expectFailure(result);
    expect(error).toContain("Input 'allow-source-cidr'");
    expect(error).toContain('covers every address');
    expect(updates()).toEqual([]);
  });

  test('a restore whose saved "before" is allow-all is refused in the main step, naming cleanup and the field', async () => {
    reseed({ allowSourceCidr: ['::/0', '0.0.0.0/0'] });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', cleanup: 'restore' }));

    const error = expectFailure(result);
    expect(error).toContain("Input 'cleanup'");
    expect(error).toContain('allowSourceCidr');
    expect(updates()).toEqual([]);
  });

  test.each([
    ['scopedRoles', 'every role of its owner'],
    ['expiresTime', 'never expires']
  ])('update-mask %s with no value is refused, naming the field, and sent with allow-unrestricted', async (field, why) => {
    const refused = await runMain(assertionInputs(c1, { 'update-mask': field }));
    const error = expectFailure(refused);
    expect(error).toContain("Input 'update-mask'");
    expect(error).toContain(field);
    expect(error).toContain(why);
    expect(c1.requests).toEqual([]);

    const allowed = await runMain(assertionInputs(c1, { 'update-mask': field, 'allow-unrestricted': 'true' }));
    expectSuccess(allowed);
    expect(updates()).toEqual([{ client: field === 'scopedRoles' ? { scopedRoles: [] } : { expiresTime: null }, updateMask: field }]);
  });
});

describe('class 7: the post step holds saved state to the main step rules before it sends anything', () => {
  /** restoreState is main's state for a replace of 10.0.0.0/8 by RUN, with the undo record rewritten. */
  async function tamperedPost(undo: unknown): Promise<StepResult> {
    const inputs = assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', cleanup: 'restore' });
    const main = await runMain(inputs);
    expectSuccess(main);
    c1.clearLog();
    return runStep('post', { inputs, state: { ...main.state, undo: JSON.stringify(undo) } });
  }
  const change = (before: unknown, after: unknown): unknown => ({
    cidrMode: 'replace',
    cidrsAdded: [],
    cidrsRemoved: [],
    changes: [{ field: 'allowSourceCidr', before, after }]
  });

  test.each([
    ['a "before" that is allow-all', change(['0.0.0.0/0'], ['198.51.100.0/24']), 'covers every address'],
    ['a "before" split in halves that cover all', change(['::/1', '8000::/1'], ['198.51.100.0/24']), 'covers every address'],
    ['an empty "before"', change([], ['198.51.100.0/24']), 'empty allowSourceCidr']
  ])('%s is refused without allow-unrestricted', async (_name, undo, why) => {
    const post = await tamperedPost(undo);

    expect(post.code).toBe(1);
    expect(errorLine(post)).toContain(why);
    expect(updates()).toEqual([]);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['198.51.100.0/24']);
  });

  test.each([
    [
      '33 CIDRs',
      change(
        Array.from({ length: 33 }, (_v, i) => `10.0.${i}.0/24`),
        ['198.51.100.0/24']
      ),
      'more than 32'
    ],
    ['an entry that is not a CIDR', change(['10.0.0.0/8', 'evil\n::warning::x'], ['198.51.100.0/24']), 'not a CIDR'],
    [
      'roles that are not role IDs',
      { ...(change([], []) as object), changes: [{ field: 'scopedRoles', before: ['a b'], after: ['r'] }] },
      'role ID'
    ],
    [
      'an expiry that is not a time',
      { ...(change([], []) as object), changes: [{ field: 'expiresTime', before: 'soon', after: null }] },
      'timestamp'
    ],
    [
      'a field twice',
      {
        ...(change([], []) as object),
        changes: [
          { field: 'displayName', after: 'a' },
          { field: 'displayName', after: 'b' }
        ]
      },
      'repeated'
    ]
  ])('a saved record with %s is refused, naming saved state, with nothing sent', async (_name, undo, why) => {
    const post = await tamperedPost(undo);

    expect(post.code).toBe(1);
    expect(errorLine(post)).toContain('saved state breaks its own rules');
    expect(errorLine(post)).toContain(why);
    expect(c1.requests).toEqual([]);
  });
});

describe('class 8: entries this run did not touch go back exactly as C1 holds them', () => {
  test('an IPv4-mapped IPv6 CIDR survives an add unchanged', async () => {
    reseed({ allowSourceCidr: ['::ffff:a01:0/112', '2001:db8::/32'] });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '203.0.113.0/24', 'cidr-mode': 'add' }));

    expectSuccess(result);
    expect(updates()).toEqual([
      { client: { allowSourceCidr: ['::ffff:a01:0/112', '2001:db8::/32', '203.0.113.0/24'] }, updateMask: 'allowSourceCidr' }
    ]);
  });

  test('a remove takes out only what names the given network, and keeps the rest as held', async () => {
    reseed({ allowSourceCidr: ['::ffff:a01:0/112', '203.0.113.0/24'] });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '203.0.113.0/24', 'cidr-mode': 'remove' }));

    expectSuccess(result);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['::ffff:a01:0/112']);
  });
});

describe("class 9: C1's answer is read for the schema's fields only", () => {
  test('an unexpected field, even clientSecret, never reaches the client output', async () => {
    reseed({ clientSecret: 'PWNED-secret', extra: { deep: ['PWNED'] } });

    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '203.0.113.0/24', 'cidr-mode': 'add' }));

    expectSuccess(result);
    const client = JSON.parse(result.outputs.client ?? '{}') as Record<string, unknown>;
    expect(Object.keys(client).sort()).toEqual(
      [
        'allowSourceCidr',
        'clientId',
        'createdAt',
        'deletedAt',
        'displayName',
        'expiresTime',
        'id',
        'lastUsedAt',
        'scopedRoles',
        'updatedAt',
        'userId'
      ].sort()
    );
    expect(result.outputFile).not.toContain('PWNED');
  });

  test('a deeply nested Update answer ends an accepted step with its outputs, not a stack overflow', async () => {
    const record = c1.record(TARGET);
    const nested = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const answer = JSON.stringify({ client: { ...record, displayName: 'release' } }).replace(/\}\}$/u, `,"extra":${nested}}}`);
    c1.addFault('update', { appliedRawBody: answer });

    const result = await runMain(assertionInputs(c1, { 'display-name': 'release' }));

    expectSuccess(result);
    expect(result.outputs).toMatchObject({ updated: 'true', 'display-name': 'release' });
    expect(result.outputs.client).not.toContain('extra');
  });

  test('an accepted Update whose answer has the wrong shape fails naming the Update, and reports it accepted', async () => {
    c1.addFault('update', { appliedRawBody: JSON.stringify({ client: { id: TARGET, allowSourceCidr: 'everything' } }) });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', cleanup: 'restore' });

    const main = await runMain(inputs);

    const error = expectFailure(main);
    expect(error).toContain(`C1 accepted the Update of personal client '${TARGET}'`);
    expect(error).toContain('allowSourceCidr is not a list of strings');
    expect(main.state.outcome).toBe('accepted');
    expect(main.outputs).toMatchObject({ updated: 'true', 'allow-source-cidr': '198.51.100.0/24' });
    // Accepted, so the post step restores it.
    c1.clearLog();
    const post = await runStep('post', { inputs, state: main.state });
    expectSuccess(post);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
  });

  test.each([
    ['a record whose clientId is a number', { list: [{ id: 'x', clientId: 42 }], nextPageToken: '' }],
    ['a record that is a string', { list: ['x'], nextPageToken: '' }],
    ['a page token that is an object', { list: [], nextPageToken: { a: 1 } }]
  ])('a List page with %s fails naming List, not with a JavaScript error', async (_name, page) => {
    c1.addFault('list', { rawBody: JSON.stringify(page), status: 200, contentType: 'application/json' });

    const result = await runMain(assertionInputs(c1, { 'personal-client-id': `x@127.0.0.1:${c1.port}/pcc`, 'display-name': 'x' }));

    const error = expectFailure(result);
    expect(error).toContain('C1 List of personal clients');
    expect(error).toMatch(/malformed record|not a string/u);
  });
});

describe('class 10: client-id hosts and tokens', () => {
  test('a client ID host that only starts with localhost is refused, naming client-id', async () => {
    const result = await runMain({ ...assertionInputs(c1), 'client-id': 'x@localhostx/pcc', tenant: c1.url, 'display-name': 'x' });

    expect(expectFailure(result)).toContain("Input 'client-id'");
    expect(c1.requests).toEqual([]);
  });

  test('a token with a line break is bad input, refused at once, without retries, shown nowhere but in its masks', async () => {
    const token = `${c1.issueToken()}\r\nX-Evil: 1`;

    const result = await runMain({ tenant: c1.url, token, 'personal-client-id': TARGET, 'display-name': 'x' });

    const error = expectFailure(result);
    expect(error).toContain("Input 'token'");
    expect(error).toContain('line break');
    // Masked whole, its line break escaped as @actions/core writes it (the runner masks the whole value and each
    // of its lines); never shown anywhere else.
    const escaped = token.replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
    expect(result.stdout.split('\n').filter((l) => l.includes('X-Evil'))).toEqual([`::add-mask::${escaped}`]);
    expect(c1.requests).toEqual([]);
  });
});

describe('the key must not lock itself', () => {
  test.each([
    ['self', (): string => 'self'],
    ['its id', (): string => c1.caller.id],
    ['its full client ID', (): string => c1.caller.clientId]
  ])('cleanup: lock of the caller (%s) fails before the network, saying what to do instead', async (_name, target) => {
    const result = await runMain(assertionInputs(c1, { 'personal-client-id': target(), 'allow-source-cidr': 'runner', cleanup: 'lock' }));

    const error = expectFailure(result);
    expect(error).toContain("Input 'cleanup'");
    expect(error).toContain('the credential this action authenticates with');
    expect(error).toMatch(/managing credential.*cleanup: restore/u);
    expect(c1.requests).toEqual([]);
    expect(result.state.validated).toBeUndefined();
  });

  test('a post step told to lock the caller (state another run wrote) refuses before the network', async () => {
    const inputs = assertionInputs(c1, { 'personal-client-id': 'self' });
    const state = { validated: 'true', cleanup: 'lock', 'dry-run': 'false', outcome: 'accepted' };

    const post = await runStep('post', { inputs, state });

    expect(post.code).toBe(1);
    expect(errorLine(post)).toContain('the credential this action authenticates with');
    expect(c1.requests).toEqual([]);
  });

  test('locking another credential is fine', async () => {
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', cleanup: 'lock' }));
    expectSuccess(result);
  });

  test('narrowing the caller to runner with cleanup: none warns that the next run from elsewhere cannot authenticate', async () => {
    const result = await runMain(
      assertionInputs(c1, { 'personal-client-id': 'self', 'allow-source-cidr': 'runner', 'runner-ip': PUBLIC, 'dry-run': 'true' })
    );

    expectSuccess(result);
    expect(result.stdout).toMatch(/^::warning::.*narrows .*the credential this action authenticates with.*next run from another address/mu);
  });

  test('narrowing the caller to a fixed list warns that the next run must come from inside it', async () => {
    const result = await runMain(
      assertionInputs(c1, { 'personal-client-id': c1.caller.id, 'allow-source-cidr': '198.51.100.0/24', 'dry-run': 'true' })
    );

    expectSuccess(result);
    expect(result.stdout).toMatch(/^::warning::.*next run must come from inside that list/mu);
  });

  test('narrowing another credential gives no such warning', async () => {
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.0/24', 'dry-run': 'true' }));

    expectSuccess(result);
    expect(result.stdout).not.toContain('authenticates with');
  });
});
