// End-to-end tests of `verify: token`: dist/main and dist/post run as the runner runs them against the C1
// stand-in, whose token endpoint checks a personal client's allowSourceCidr against the address C1 sees and
// applies a changed list only after `cidrDelayMs`.
import { generateCredential } from '../standin/c1.mjs';
import {
  apiCalls,
  assertionInputs,
  expectFailure,
  expectSuccess,
  runMain,
  runPost,
  startWorld,
  TARGET,
  tokenInputs,
  type C1
} from './fixtures.js';
import type { StepResult } from './runner.mjs';

type Credential = ReturnType<typeof generateCredential>;

/** Where the echo services put the runner, and where C1 sees it when the two disagree (a NAT, a proxy). */
const RUNNER = '203.0.113.7';
const ELSEWHERE = '198.51.100.20';

let c1: C1;
let target: Credential;
beforeEach(async () => {
  c1 = await startWorld();
  // The target's own key, registered so it can mint: its record (allowSourceCidr 10.0.0.0/8) is checked when it does.
  target = generateCredential(TARGET, `127.0.0.1:${c1.port}`);
  c1.register(target);
});
afterEach(() => c1.close());

/** Per-run scoping of the target to the runner, proved with the target's own secret. */
function scoped(extra: Record<string, string> = {}): Record<string, string> {
  return assertionInputs(c1, {
    'allow-source-cidr': 'runner',
    'runner-ip': RUNNER,
    verify: 'token',
    'verify-client-secret': target.secret,
    ...extra
  });
}

/** verificationRequests are the token requests made with the target's key, as logged by the stand-in. */
function verificationRequests(): { at: number; status: number }[] {
  return c1.requests
    .filter((r) => r.route === 'token' && (r.body as Record<string, string> | undefined)?.client_id === target.clientId)
    .map((r) => ({ at: r.at, status: r.status }));
}

function updateAt(): number {
  const update = c1.requests.find((r) => r.route === 'update');
  if (update === undefined) throw new Error('no Update was sent');
  return update.at;
}

/** summaryLine finds the summary's list item that starts so (the summary is HTML from @actions/core's builder). */
function summaryLine(result: StepResult, start: string): string {
  const items = [...result.summary.matchAll(/<li>(.*?)<\/li>/gu)].map((m) => m[1] ?? '');
  return items.find((item) => item.startsWith(start)) ?? '';
}

test('a narrowed list that applies 2 s after the Update is verified after the delay', async () => {
  c1.sourceIp = RUNNER;
  c1.cidrDelayMs = 2000;

  const result = await runMain(scoped());

  expectSuccess(result);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${RUNNER}/32`]);
  const attempts = verificationRequests();
  // Refused while the old list (10.0.0.0/8) still applied, then accepted, and the last try is the only one accepted.
  expect(attempts.length).toBeGreaterThanOrEqual(2);
  expect(attempts.slice(0, -1).every((a) => a.status === 401)).toBe(true);
  expect(attempts.at(-1)?.status).toBe(200);
  expect(attempts.at(-1)!.at - updateAt()).toBeGreaterThanOrEqual(2000);
  // Nothing after the verification: no other call reaches C1.
  expect(apiCalls(c1).at(-1)).toBe('POST token');
  expect(result.outputs).toMatchObject({ verified: 'true', updated: 'true', 'allow-source-cidr': `${RUNNER}/32` });
  const line = summaryLine(result, 'Verified:');
  const seconds = Number(/after (\d+\.\d) s/u.exec(line)?.[1]);
  expect(seconds).toBeGreaterThanOrEqual(2);
  expect(line).toContain(`(${attempts.length} attempts)`);
  expect(result.stdout).toContain(`Verified: C1 minted a token with personal client '${TARGET}'`);
});

test('a list C1 applies at once is verified with one token request', async () => {
  c1.sourceIp = RUNNER;

  const result = await runMain(scoped());

  expectSuccess(result);
  expect(apiCalls(c1)).toEqual(['POST token', 'POST update', 'POST token']);
  expect(verificationRequests()).toHaveLength(1);
  expect(result.outputs.verified).toBe('true');
  expect(summaryLine(result, 'Verified:')).toMatch(/after \d+\.\d s \(1 attempt\)\.$/u);
});

test("a runner address C1 does not see fails after verify-timeout naming both addresses; outputs, summary and the post step's lock still happen", async () => {
  c1.sourceIp = ELSEWHERE;
  const inputs = scoped({ 'verify-timeout': '3s', cleanup: 'lock' });

  const result = await runMain(inputs);

  const error = expectFailure(result);
  expect(error).toContain(`personal client '${TARGET}'`);
  expect(error).toMatch(/for 3\.\d s \(\d+ attempts, verify-timeout 3s/u);
  expect(error).toContain(`C1 sees this runner at ${ELSEWHERE}, which the list does not cover`);
  expect(error).toContain(`allowSourceCidr is ${RUNNER}/32 (the runner's address as the action found it: ${RUNNER})`);
  expect(error).toContain('source address 198.51.100.20 is not allowed');
  expect(result.ms).toBeGreaterThanOrEqual(3000);
  const attempts = verificationRequests();
  expect(attempts[attempts.length - 1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(2900);
  expect(attempts.every((a) => a.status === 401)).toBe(true);
  // C1 was asked which address it sees, once, after the last refusal.
  expect(apiCalls(c1).at(-1)).toBe('POST testSourceIp');
  expect(result.outputs).toMatchObject({ verified: 'false', updated: 'true' });
  expect(summaryLine(result, 'Not verified:')).toMatch(/in 3\.\d s \(\d+ attempts\)\.$/u);

  const post = await runPost(inputs, result);
  expectSuccess(post);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['192.0.2.1/32']);
});

test('when the caller may not ask test-source-ip, the failure says so', async () => {
  c1.sourceIp = ELSEWHERE;
  c1.testSourceIpForbidden = true;

  const result = await runMain(scoped({ 'verify-timeout': '1s' }));

  const error = expectFailure(result);
  expect(error).toContain(
    "Which address C1 sees for this runner is unknown: the action's credential may not ask C1's test-source-ip (HTTP 403)"
  );
  expect(error).toContain(`allowSourceCidr is ${RUNNER}/32`);
  expect(result.outputs.verified).toBe('false');
});

test("verifies the caller's own credential (self) with its client-secret, when nothing needed sending too", async () => {
  c1.sourceIp = RUNNER;
  c1.seed({ ...c1.record(c1.caller.id)!, allowSourceCidr: [`${RUNNER}/32`] });
  c1.clearLog();

  const result = await runMain(
    assertionInputs(c1, { 'personal-client-id': 'self', 'allow-source-cidr': 'runner', 'runner-ip': RUNNER, verify: 'token' })
  );

  expectSuccess(result);
  expect(apiCalls(c1)).toEqual(['POST token', 'GET list', 'POST token']);
  expect(result.outputs).toMatchObject({ updated: 'false', verified: 'true', 'update-mask': '' });
});

test.each([
  ['a given token', {}],
  ['a given token, in a dry run', { 'dry-run': 'true' }],
  ['a given token, target self named by client-id', { 'client-id': 'ci-caller@127.0.0.1:1/pcc', 'personal-client-id': 'self' }]
])('verify: token with %s and no verify-client-secret fails before the network', async (_name, extra) => {
  const result = await runMain(tokenInputs(c1, { 'allow-source-cidr': 'runner', 'runner-ip': RUNNER, verify: 'token', ...extra }));

  const error = expectFailure(result);
  expect(error).toMatch(/^Input 'verify-client-secret': is required with verify: token/u);
  expect(error).toContain('access token');
  expect(c1.requests).toEqual([]);
  expect(result.outputs).toEqual({});
});

test('a dry run with verify: token mints nothing with the target', async () => {
  const result = await runMain(scoped({ 'dry-run': 'true' }));

  expectSuccess(result);
  expect(verificationRequests()).toEqual([]);
  expect(result.outputs.verified).toBe('false');
  expect(result.summary).not.toContain('Verified');
});

describe('with RUNNER_DEBUG=1', () => {
  test.each([
    ['verified after refusals', RUNNER, '20s'],
    ['failing after verify-timeout', ELSEWHERE, '2s']
  ])('%s: neither secret nor any token appears anywhere but on its ::add-mask:: line', async (_name, seenAt, timeout) => {
    c1.sourceIp = seenAt;
    c1.cidrDelayMs = 1000;

    const result = await runMain(scoped({ 'verify-timeout': timeout }), { env: { RUNNER_DEBUG: '1' } });

    expect(result.stdout).toContain('::debug::');
    expect(verificationRequests().length).toBeGreaterThanOrEqual(2);
    const assertions = c1.requests.flatMap((r) => {
      const assertion = (r.body as Record<string, string> | undefined)?.client_assertion;
      return r.route === 'token' && assertion !== undefined ? [assertion] : [];
    });
    const keyPart = (secret: string): string => secret.split(':').at(-1) ?? '';
    const masked = [
      c1.caller.secret,
      keyPart(c1.caller.secret),
      c1.caller.d,
      target.secret,
      keyPart(target.secret),
      target.d,
      ...c1.minted
    ];
    // The caller's token, and the verification's when one was accepted.
    expect(c1.minted).toHaveLength(seenAt === RUNNER ? 2 : 1);
    const lines = result.stdout.split('\n');
    for (const secret of [...masked, ...assertions]) {
      expect(secret.length).toBeGreaterThan(8);
      const elsewhere = { stderr: result.stderr, outputs: result.outputFile, state: result.stateFile, summary: result.summary };
      for (const [surface, text] of Object.entries(elsewhere))
        expect({ surface, leaked: text.includes(secret) }).toEqual({ surface, leaked: false });
      expect(lines.filter((l) => l.includes(secret) && !l.startsWith('::add-mask::')).map((l) => l.slice(0, 50))).toEqual([]);
    }
    // Each secret and token is masked before it could appear anywhere.
    for (const secret of masked) expect(lines.indexOf(`::add-mask::${secret}`)).toBeGreaterThanOrEqual(0);
  });
});
