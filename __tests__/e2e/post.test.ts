/**
 * End-to-end tests of the post step (`cleanup: restore` and `cleanup: lock`): each runs the bundled main step,
 * then the bundled post step with the same inputs and main's saved state, exactly as the runner does, and checks
 * the C1 stand-in's record after each.
 */
import type { ChildProcess } from 'node:child_process';
import type { StepResult } from './runner.mjs';
import { apiCalls, assertionInputs, errorLine, runMain, runPost, startWorld, TARGET, type C1 } from './fixtures.js';

const ORIGINAL = ['10.0.0.0/8'];
const RUN_CIDR = '198.51.100.0/24';
const OTHER_CIDR = '192.0.2.0/24';

let c1: C1;
afterEach(async () => {
  await c1.close();
});

/** cidrs is the target's allowSourceCidr as the stand-in holds it now. */
function cidrs(): string[] | null | undefined {
  return c1.record(TARGET)?.allowSourceCidr;
}

/** sorted compares lists as sets. */
function sorted(list: readonly string[] | null | undefined): string[] {
  return [...(list ?? [])].sort();
}

/** warnings are the `::warning::` lines a step wrote. */
function warnings(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::warning::'));
}

/** secretsSeen is every secret the run put on the wire: bearer tokens, the client assertion(s) and the client secret. */
function secretsSeen(world: C1): string[] {
  const found = new Set<string>([world.caller.secret, world.caller.d]);
  for (const request of world.requests) {
    if (request.bearer !== undefined) found.add(request.bearer);
    const body = request.body;
    if (request.route === 'token' && typeof body === 'object' && body !== null) {
      const form = body as Record<string, unknown>;
      for (const key of ['client_assertion', 'client_secret', 'subject_token']) {
        if (typeof form[key] === 'string') found.add(form[key]);
      }
    }
  }
  return [...found].filter((s) => s !== '');
}

describe('cleanup: restore', () => {
  test('1. replace, then restore puts the list back as it was', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(cidrs()).toEqual([RUN_CIDR]);
    expect(main.state).toMatchObject({ validated: 'true', cleanup: 'restore', id: TARGET, outcome: 'accepted' });
    const mainBearers = new Set(c1.requests.map((r) => r.bearer).filter((b) => b !== undefined));

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual(ORIGINAL);
    // The post step authenticates afresh (a token request of its own, a token main never used), reads, and restores.
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(mainBearers.has(c1.requests[1]?.bearer ?? '')).toBe(false);
    expect(c1.requests[2]?.body).toEqual({ client: { allowSourceCidr: ORIGINAL }, updateMask: 'allowSourceCidr' });
    expect(warnings(post.stdout)).toEqual([]);
  });

  test('2. add, then restore removes only the CIDR this run added, keeping one someone else added meanwhile', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, 'cidr-mode': 'add', cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(sorted(cidrs())).toEqual(sorted([...ORIGINAL, RUN_CIDR]));

    // Someone else adds a CIDR between main and post.
    const current = c1.record(TARGET);
    if (current === undefined) throw new Error('target record vanished');
    c1.seed({ ...current, allowSourceCidr: [...(current.allowSourceCidr ?? []), OTHER_CIDR] });

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(sorted(cidrs())).toEqual(sorted([...ORIGINAL, OTHER_CIDR]));
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
  });

  test('3. replace, then restore warns and leaves the list when someone else changed it meanwhile', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(cidrs()).toEqual([RUN_CIDR]);

    const current = c1.record(TARGET);
    if (current === undefined) throw new Error('target record vanished');
    c1.seed({ ...current, allowSourceCidr: [OTHER_CIDR] });

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual([OTHER_CIDR]);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    const warned = warnings(post.stdout);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('allowSourceCidr');
    expect(warned[0]).toContain('someone else');
    expect(warned[0]).toContain(OTHER_CIDR);
  });

  test('4. remove, then restore adds back what this run removed', async () => {
    c1 = await startWorld({ allowSourceCidr: [...ORIGINAL, RUN_CIDR] });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, 'cidr-mode': 'remove', cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(cidrs()).toEqual(ORIGINAL);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(sorted(cidrs())).toEqual(sorted([...ORIGINAL, RUN_CIDR]));
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
  });
});

describe('cleanup: lock', () => {
  test('5a. lock with the default lock-cidr leaves exactly 192.0.2.1/32', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'lock' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(cidrs()).toEqual([RUN_CIDR]);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual(['192.0.2.1/32']);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(c1.requests[1]?.body).toEqual({ client: { allowSourceCidr: ['192.0.2.1/32'] }, updateMask: 'allowSourceCidr' });
  });

  test('5b. lock with a custom lock-cidr leaves exactly that list', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'lock', 'lock-cidr': '203.0.113.0/24' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual(['203.0.113.0/24']);
  });

  test("5c. lock still locks after C1 rejected main's Update", async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    c1.addFault('update', { status: 400, body: { code: 3, message: 'allowSourceCidr: refused by policy', details: [] } });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'lock' });

    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(errorLine(main)).toContain('refused by policy');
    expect(cidrs()).toEqual(ORIGINAL);
    expect(main.state).toMatchObject({ validated: 'true', cleanup: 'lock', outcome: 'rejected' });

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual(['192.0.2.1/32']);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
  });

  test('5d. lock still locks after main failed at the token endpoint, before it resolved anything', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    c1.addFault('token', { status: 401 });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'lock' });

    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(apiCalls(c1)).not.toContain('POST update');
    expect(main.state).toMatchObject({ validated: 'true', cleanup: 'lock', outcome: 'unsent' });

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual(['192.0.2.1/32']);
  });
});

describe('a post step with nothing to do makes no request and says why', () => {
  test('6a. after a main that failed on an invalid input', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': '10.1.2.3/8', cleanup: 'lock' });

    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(errorLine(main)).toContain('allow-source-cidr');
    expect(c1.requests).toHaveLength(0);

    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(c1.requests).toHaveLength(0);
    expect(post.stdout).toMatch(/did not validate its inputs/);
    expect(cidrs()).toEqual(ORIGINAL);
  });

  test('6b. after a dry run', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'lock', 'dry-run': 'true' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(apiCalls(c1)).not.toContain('POST update');

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(c1.requests).toHaveLength(0);
    expect(post.stdout).toMatch(/dry run/i);
    expect(cidrs()).toEqual(ORIGINAL);
  });

  test("6c. after C1 rejected main's Update, with cleanup: restore", async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    c1.addFault('update', { status: 403, body: { code: 7, message: 'permission denied', details: [] } });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(main.state).toMatchObject({ outcome: 'rejected' });

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(c1.requests).toHaveLength(0);
    expect(post.stdout).toMatch(/rejected/);
    expect(cidrs()).toEqual(ORIGINAL);
  });
  test('6d. with cleanup: none', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(c1.requests).toHaveLength(0);
    expect(post.stdout).toMatch(/cleanup is none/);
    expect(cidrs()).toEqual([RUN_CIDR]);
  });
});

describe('a post step whose Update fails fails loudly', () => {
  test('7a. restore: exits 1 saying the credential may still be open and what it holds', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);

    c1.clearLog();
    c1.addFault('update', { status: 403, body: { code: 7, message: 'permission denied: update not allowed', details: [] } });
    const post = await runPost(inputs, main);
    expect(post.code).toBe(1);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    const error = errorLine(post);
    expect(error).toContain('may still be open');
    expect(error).toContain(RUN_CIDR);
    expect(error).toContain('403');
    expect(cidrs()).toEqual([RUN_CIDR]);
  });

  // The lock does not read the credential; what main saved (`undo`) tells what it holds.
  test('7b. lock: exits 1 saying the credential may still be open and what it holds', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'lock' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);

    c1.clearLog();
    c1.addFault('update', { status: 403, body: { code: 7, message: 'permission denied: update not allowed', details: [] } });
    const post = await runPost(inputs, main);
    expect(post.code).toBe(1);
    const error = errorLine(post);
    expect(error).toContain('may still be open');
    expect(error).toContain(RUN_CIDR);
  });
});

test.each(['SIGTERM', 'SIGINT'] as const)(
  '8. main cancelled (%s) after its Update was sent: post reads the credential and undoes what this run set',
  async (signal) => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    // The stand-in applies the Update at once and answers 3 s later: the answer is lost when main is killed.
    c1.addFault('update', { delayMs: 3000 });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });
    const world = c1;

    let signalled = false;
    const killAfter = (child: ChildProcess): void => {
      const poll = setInterval(() => {
        if (world.requests.some((r) => r.route === 'update')) {
          clearInterval(poll);
          signalled = child.kill(signal);
        }
      }, 10);
      child.once('exit', () => clearInterval(poll));
    };

    const main = await runMain(inputs, { killAfter });
    expect(signalled).toBe(true);
    expect(main.code).not.toBe(0);
    // Killed before C1's answer arrived: main never learnt the outcome, so it wrote no outputs.
    expect(main.outputs.updated).toBeUndefined();
    expect(errorLine(main)).toContain(`cancelled (${signal})`);
    expect(main.state).toMatchObject({ validated: 'true', cleanup: 'restore', id: TARGET, outcome: 'sent' });
    expect(cidrs()).toEqual([RUN_CIDR]);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(cidrs()).toEqual(ORIGINAL);
  }
);

describe('8b. main whose Update got no answer and did not take effect (connection reset, outcome unknown)', () => {
  async function lostUpdate(): Promise<StepResult> {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    c1.addFault('update', { reset: true });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore', 'retry-max-attempts': '1' });
    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(main.state).toMatchObject({ outcome: 'sent' });
    expect(cidrs()).toEqual(ORIGINAL);
    c1.clearLog();
    return runPost(inputs, main);
  }

  test('post reads the credential, finds nothing of this run, and sends no Update', async () => {
    const post = await lostUpdate();
    expect(post.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get']);
    expect(cidrs()).toEqual(ORIGINAL);
    expect(post.stdout).toMatch(/nothing of this run to undo/);
  });

  // The credential still holds its value from before this run (the lost Update never applied): nobody else
  // changed anything, so there is nothing to warn about.
  test('post does not warn that someone else changed the list', async () => {
    const post = await lostUpdate();
    expect(warnings(post.stdout)).toEqual([]);
  });
});

describe('9. restore of an unrestricted credential', () => {
  test('main refuses before any Update and suggests cleanup: lock', async () => {
    c1 = await startWorld({ allowSourceCidr: [] });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });

    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(apiCalls(c1)).not.toContain('POST update');
    expect(errorLine(main)).toContain('cleanup: lock');
    expect(cidrs()).toEqual([]);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(c1.requests).toHaveLength(0);
  });

  test('with allow-unrestricted: true main proceeds, and post puts back the empty list', async () => {
    c1 = await startWorld({ allowSourceCidr: [] });
    const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore', 'allow-unrestricted': 'true' });

    const main = await runMain(inputs);
    expect(main.code).toBe(0);
    expect(cidrs()).toEqual([RUN_CIDR]);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(cidrs()).toEqual([]);
  });
});

test("10. main's state holds no token, assertion or secret", async () => {
  c1 = await startWorld({ allowSourceCidr: ORIGINAL });
  const inputs = assertionInputs(c1, { 'allow-source-cidr': RUN_CIDR, cleanup: 'restore' });

  const main = await runMain(inputs);
  expect(main.code).toBe(0);
  const secrets = secretsSeen(c1);
  // At least the client secret, its key, one assertion and one bearer token.
  expect(secrets.length).toBeGreaterThanOrEqual(4);
  expect(main.stateFile).not.toBe('');
  for (const secret of secrets) expect(main.stateFile).not.toContain(secret);

  c1.clearLog();
  const post = await runPost(inputs, main);
  expect(post.code).toBe(0);
  for (const secret of secretsSeen(c1)) expect(post.stateFile).not.toContain(secret);
});

describe('an Update that failed after an attempt with an unknown outcome', () => {
  test('is recorded as unknown, not rejected, so restore reads and undoes what it finds', async () => {
    c1 = await startWorld({ allowSourceCidr: ORIGINAL });
    const inputs = assertionInputs(c1, {
      'allow-source-cidr': RUN_CIDR,
      cleanup: 'restore',
      'retry-max-attempts': '2',
      'request-timeout': '1s'
    });
    // The first attempt is applied but answers after the timeout (outcome unknown); the retry is refused with a 400.
    c1.addFault('update', { delayMs: 3000 });
    c1.addFault('update', { status: 400, body: { code: 3, message: 'invalid argument', details: [] } });
    const main = await runMain(inputs);
    expect(main.code).toBe(1);
    expect(main.state.outcome).toBe('sent');
    expect(cidrs()).toEqual([RUN_CIDR]);

    c1.clearLog();
    const post = await runPost(inputs, main);
    expect(post.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(cidrs()).toEqual(ORIGINAL);
  });
});
