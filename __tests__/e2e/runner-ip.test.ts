// End-to-end tests of `allow-source-cidr: runner`: the built action, run as the runner runs it, against the C1
// stand-in and IP echo stand-ins on loopback. Echo answers must be publicly routable to count, so they use
// real public addresses (8.8.4.4, 1.0.0.1, 9.9.9.9, 2606:4700:4700::1001), never documentation ranges.
import { startEcho } from '../standin/echo.mjs';
import { apiCalls, assertionInputs, errorLine, runMain, startWorld, TARGET, type C1 } from './fixtures.js';

type Echo = Awaited<ReturnType<typeof startEcho>>;
type EchoOptions = Parameters<typeof startEcho>[0];

const A = '8.8.4.4';
const B = '1.0.0.1';
const V6 = '2606:4700:4700::1001';

let c1: C1;
let echoes: Echo[] = [];

beforeEach(async () => {
  c1 = await startWorld();
});

afterEach(async () => {
  await Promise.all([c1.close(), ...echoes.map((e) => e.close())]);
  echoes = [];
});

/** echo starts one IP echo stand-in that afterEach closes. */
async function echo(options: EchoOptions): Promise<Echo> {
  const started = await startEcho(options);
  echoes.push(started);
  return started;
}

/** answering starts one echo per answer, each answering that text. */
function answering(...answers: string[]): Promise<Echo[]> {
  return Promise.all(answers.map((answer) => echo({ answer })));
}

/** sources is the `runner-ip-sources` input for these echoes (and `c1` where given as a string). */
function sources(...items: (Echo | string)[]): string {
  return items.map((i) => (typeof i === 'string' ? i : i.url)).join(', ');
}

/** echoRequests counts the requests every echo stand-in got. */
function echoRequests(): number {
  return echoes.reduce((n, e) => n + e.requests.length, 0);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** listed matches "<source URL>: <what it said>" in a failure message (the URL may be written with a trailing slash). */
function listed(e: Echo, said: string): RegExp {
  return new RegExp(`${escape(e.url)}/?: ${escape(said)}`, 'u');
}

/** runnerInputs authenticates with the assertion and asks for the runner's address from the given sources. */
function runnerInputs(from: string, extra: Record<string, string> = {}): Record<string, string> {
  return assertionInputs(c1, { 'allow-source-cidr': 'runner', 'runner-ip-sources': from, ...extra });
}

function sorted(list: readonly string[] | null | undefined): string[] {
  return [...(list ?? [])].sort();
}

describe('cidr-mode with runner', () => {
  test('replace: the list becomes exactly the runner /32, with a token request and one Update (no read)', async () => {
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(e1!, e2!)));
    expect(result.code).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(c1.requests[1]?.body).toEqual({ client: { allowSourceCidr: [`${A}/32`] }, updateMask: 'allowSourceCidr' });
    expect(result.outputs).toMatchObject({ updated: 'true', 'allow-source-cidr': `${A}/32`, 'runner-ip': A });
  });

  test('add: one Get, then the union of the current list and the runner /32', async () => {
    c1.seed({ ...c1.record(TARGET)!, allowSourceCidr: ['10.0.0.0/8', '9.9.9.0/24'] });
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(e1!, e2!), { 'cidr-mode': 'add' }));
    expect(result.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(sorted(c1.record(TARGET)?.allowSourceCidr)).toEqual(sorted(['10.0.0.0/8', '9.9.9.0/24', `${A}/32`]));
    expect(result.outputs['previous-allow-source-cidr']).toBe('10.0.0.0/8,9.9.9.0/24');
    expect(result.outputs['runner-ip']).toBe(A);
  });

  test('remove: the runner /32 leaves a list that holds it, and only it', async () => {
    c1.seed({ ...c1.record(TARGET)!, allowSourceCidr: ['10.0.0.0/8', `${A}/32`, '9.9.9.0/24'] });
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(e1!, e2!), { 'cidr-mode': 'remove' }));
    expect(result.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    expect(sorted(c1.record(TARGET)?.allowSourceCidr)).toEqual(sorted(['10.0.0.0/8', '9.9.9.0/24']));
    expect(result.outputs['runner-ip']).toBe(A);
  });

  test('runner mixed with explicit entries: the list holds both', async () => {
    c1.seed({ ...c1.record(TARGET)!, allowSourceCidr: ['172.16.0.0/12'] });
    const [e1, e2] = await answering(A, A);
    const result = await runMain(
      assertionInputs(c1, { 'allow-source-cidr': 'runner, 10.0.0.0/8', 'runner-ip-sources': sources(e1!, e2!) })
    );
    expect(result.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(sorted(c1.record(TARGET)?.allowSourceCidr)).toEqual(sorted(['10.0.0.0/8', `${A}/32`]));
  });

  test('runner-ipv4-prefix: 24 widens the runner entry to its /24 network', async () => {
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(e1!, e2!), { 'runner-ipv4-prefix': '24' }));
    expect(result.code).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['8.8.4.0/24']);
    expect(result.outputs['runner-ip']).toBe(A);
    expect(result.outputs['allow-source-cidr']).toBe('8.8.4.0/24');
  });
});

describe('outputs and summary', () => {
  test('runner-ip output and the job summary name the address and the sources that agreed', async () => {
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(e1!, e2!)));
    expect(result.code).toBe(0);
    expect(result.outputs['runner-ip']).toBe(A);
    const line = result.summary.split(/\n|<\/li>/u).find((l) => l.includes('Runner IP'));
    expect(line).toBeDefined();
    expect(line).toContain(A);
    expect(line).toContain(e1!.url);
    expect(line).toContain(e2!.url);
  });
});

describe('quorum and timing', () => {
  test('a hanging source does not hold the step back once two others agree', async () => {
    const hung = await echo({ hang: true });
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(hung, e1!, e2!)));
    expect(result.code).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);
    // The detection timeout is 5 s here: had the step waited for the hanging source, the Update would come at
    // least 5 s after it was asked. Measured between the stand-ins' own clocks, so node's start-up does not count.
    const update = c1.requests.find((r) => r.route === 'update');
    expect(update!.at - hung.requests[0]!.at).toBeLessThan(4500);
    // Every source was asked, once each.
    for (const e of [hung, e1!, e2!]) expect(e.requests).toHaveLength(1);
    const line = result.summary.split(/\n|<\/li>/u).find((l) => l.includes('Runner IP')) ?? '';
    expect(line).toContain(e1!.url);
    expect(line).toContain(e2!.url);
    expect(line).not.toContain(hung.url);
  });

  test('detection times out after request-timeout when it is below 5 s, listing the source that did not answer', async () => {
    const hung = await echo({ hang: true });
    const [e1] = await answering(A);
    const result = await runMain(runnerInputs(sources(e1!, hung), { 'request-timeout': '1s' }));
    expect(result.code).toBe(1);
    const error = errorLine(result);
    expect(error).toMatch(listed(e1!, A));
    expect(error).toMatch(new RegExp(`${escape(hung.url)}/?: [^;]*1 s`, 'u'));
    expect(apiCalls(c1)).not.toContain('POST update');
  });

  test('two of three sources outvote the third', async () => {
    // The odd one out answers first, so it cannot win by arriving early.
    const odd = await echo({ answer: B });
    const agreeing = await Promise.all([echo({ answer: A, delayMs: 50 }), echo({ answer: A, delayMs: 50 })]);
    const result = await runMain(runnerInputs(sources(odd, ...agreeing)));
    expect(result.code).toBe(0);
    expect(result.outputs['runner-ip']).toBe(A);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);
  });

  test('two sources that disagree under quorum 2 fail the step, list both answers, and send no Update', async () => {
    const [e1, e2] = await answering(A, B);
    const result = await runMain(runnerInputs(sources(e1!, e2!), { 'runner-ip-quorum': '2' }));
    expect(result.code).toBe(1);
    const error = errorLine(result);
    expect(error).toMatch(listed(e1!, A));
    expect(error).toMatch(listed(e2!, B));
    expect(apiCalls(c1)).not.toContain('POST update');
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
    expect(result.outputs['runner-ip']).toBeUndefined();
  });

  test('garbage, a private address and HTTP 500 are no votes, and each is listed', async () => {
    const html = await echo({ answer: '<html>' });
    const privateIp = await echo({ answer: '10.1.2.3' });
    // A 500 counts as no vote even when its body holds a good address.
    const broken = await echo({ answer: A, status: 500 });
    const [good] = await answering(A);
    const result = await runMain(runnerInputs(sources(html, privateIp, broken, good!)));
    expect(result.code).toBe(1);
    const error = errorLine(result);
    expect(error).toMatch(new RegExp(`${escape(html.url)}/?: [^;]*<html>[^;]*not a single IP`, 'u'));
    expect(error).toMatch(new RegExp(`${escape(privateIp.url)}/?: [^;]*10\\.1\\.2\\.3[^;]*not publicly routable`, 'u'));
    expect(error).toMatch(new RegExp(`${escape(broken.url)}/?: [^;]*500`, 'u'));
    // The good source is listed too; whether with its answer or as cancelled depends on which came first (see below).
    expect(error).toMatch(new RegExp(`${escape(good!.url)}/?: `, 'u'));
    expect(apiCalls(c1)).not.toContain('POST update');
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
  });

  // Contract: "When no quorum is reached, the step fails listing every source with its answer or error": a
  // slower working source is waited for and listed with its answer, not as cancelled.
  test('a failure lists the answer of a slower source too, not "cancelled"', async () => {
    const html = await echo({ answer: '<html>' });
    const broken = await echo({ answer: A, status: 500 });
    const slow = await echo({ answer: A, delayMs: 300 });
    const result = await runMain(runnerInputs(sources(html, broken, slow)));
    expect(result.code).toBe(1);
    expect(errorLine(result)).toMatch(listed(slow, A));
  });

  test('no-vote answers do not stop two good sources from agreeing', async () => {
    const html = await echo({ answer: '<html>' });
    const privateIp = await echo({ answer: '10.1.2.3' });
    const broken = await echo({ answer: B, status: 500 });
    const good = await answering(A, A);
    const result = await runMain(runnerInputs(sources(html, privateIp, broken, ...good)));
    expect(result.code).toBe(0);
    expect(result.outputs['runner-ip']).toBe(A);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);
  });
});

describe('c1 as a source', () => {
  test('C1 test-source-ip and an echo agreeing make a quorum of 2', async () => {
    c1.sourceIp = A;
    const [e1] = await answering(A);
    const result = await runMain(runnerInputs(sources('c1', e1!), { 'runner-ip-quorum': '2' }));
    expect(result.code).toBe(0);
    expect(result.outputs['runner-ip']).toBe(A);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);
    // One token serves both test-source-ip and the Update: nothing is requested twice.
    expect(apiCalls(c1)).toEqual(['POST token', 'POST testSourceIp', 'POST update']);
    expect(c1.requests[1]?.bearer).toBeDefined();
    const line = result.summary.split(/\n|<\/li>/u).find((l) => l.includes('Runner IP')) ?? '';
    expect(line).toContain('c1');
    expect(line).toContain(e1!.url);
  });

  test('a caller that may not call test-source-ip fails with a clear message and sends no Update', async () => {
    c1.testSourceIpForbidden = true;
    const result = await runMain(runnerInputs('c1', { 'runner-ip-quorum': '1' }));
    expect(result.code).toBe(1);
    expect(errorLine(result)).toContain('may not call test-source-ip');
    expect(apiCalls(c1)).not.toContain('POST update');
    // Detection asks each source once: a 403 is not retried.
    expect(apiCalls(c1).filter((c) => c === 'POST testSourceIp')).toHaveLength(1);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
  });
});

describe('runner-ip given', () => {
  test('skips detection entirely and is used as given, documentation range included', async () => {
    const [e1, e2] = await answering(A, A);
    const result = await runMain(runnerInputs(sources(e1!, e2!), { 'runner-ip': '203.0.113.7' }));
    expect(result.code).toBe(0);
    expect(echoRequests()).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['203.0.113.7/32']);
    expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
    expect(result.outputs['runner-ip']).toBe('203.0.113.7');
  });

  test('given addresses of any family are used whatever runner-ip-version says', async () => {
    const result = await runMain(
      assertionInputs(c1, { 'allow-source-cidr': 'runner', 'runner-ip': '203.0.113.7, 2001:db8::7', 'runner-ipv4-prefix': '24' })
    );
    expect(result.code).toBe(0);
    expect(sorted(c1.record(TARGET)?.allowSourceCidr)).toEqual(sorted(['203.0.113.0/24', '2001:db8::7/128']));
    expect(result.outputs['runner-ip']?.split(',').sort()).toEqual(['2001:db8::7', '203.0.113.7']);
    expect(result.summary).toContain('given as runner-ip');
  });
});

describe('address families', () => {
  test('runner-ip-version: ipv6 uses the IPv6 answer as a /128', async () => {
    const [e1, e2] = await answering(V6, V6);
    const result = await runMain(runnerInputs(sources(e1!, e2!), { 'runner-ip-version': 'ipv6' }));
    expect(result.code).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${V6}/128`]);
    expect(result.outputs['runner-ip']).toBe(V6);
  });

  test('runner-ip-version: both uses IPv4 alone when only IPv4 reaches the quorum', async () => {
    const echoesUsed = await answering(A, V6, A);
    const result = await runMain(runnerInputs(sources(...echoesUsed), { 'runner-ip-version': 'both' }));
    expect(result.code).toBe(0);
    expect(result.outputs['runner-ip']).toBe(A);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);
  });

  test('runner-ip-version: both uses both families when each reaches the quorum', async () => {
    const echoesUsed = await answering(A, V6, A, V6);
    const result = await runMain(runnerInputs(sources(...echoesUsed), { 'runner-ip-version': 'both' }));
    expect(result.code).toBe(0);
    expect(result.outputs['runner-ip']?.split(',').sort()).toEqual([A, V6].sort());
    expect(sorted(c1.record(TARGET)?.allowSourceCidr)).toEqual(sorted([`${A}/32`, `${V6}/128`]));
  });

  test('IPv4-mapped IPv6 and a long IPv6 form count as the same address as their canonical forms', async () => {
    const [mapped, plain] = await answering(`::ffff:${A}`, A);
    const v4 = await runMain(runnerInputs(sources(mapped!, plain!)));
    expect(v4.code).toBe(0);
    expect(v4.outputs['runner-ip']).toBe(A);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${A}/32`]);

    const [long, short] = await answering(' 2606:4700:4700:0:0:0:0:1001\n', V6);
    const v6 = await runMain(runnerInputs(sources(long!, short!), { 'runner-ip-version': 'ipv6' }));
    expect(v6.code).toBe(0);
    expect(v6.outputs['runner-ip']).toBe(V6);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual([`${V6}/128`]);
  });

  test('with ipv4, IPv6 answers do not count', async () => {
    const echoesUsed = await answering(V6, V6, A);
    const result = await runMain(runnerInputs(sources(...echoesUsed)));
    expect(result.code).toBe(1);
    expect(apiCalls(c1)).not.toContain('POST update');
  });
});

describe('invalid runner inputs fail before any request', () => {
  const cases: [string, (from: string) => Record<string, string>, RegExp][] = [
    [
      'runner-ip-quorum larger than the number of sources',
      (from) => ({ 'runner-ip-sources': from, 'runner-ip-quorum': '3' }),
      /runner-ip-quorum/u
    ],
    ['runner-ipv4-prefix: 33', (from) => ({ 'runner-ip-sources': from, 'runner-ipv4-prefix': '33' }), /runner-ipv4-prefix/u],
    [
      'a plain http:// source that is not loopback',
      (from) => ({ 'runner-ip-sources': `${from}, http://8.8.8.8/ip` }),
      /runner-ip-sources.*http:\/\/8\.8\.8\.8/u
    ],
    ['lock-cidr: runner', (from) => ({ 'runner-ip-sources': from, cleanup: 'lock', 'lock-cidr': 'runner' }), /lock-cidr/u],
    ['runner-ip that is not an IP literal', (from) => ({ 'runner-ip-sources': from, 'runner-ip': '8.8.4.4/32' }), /runner-ip\b/u],
    ['an unknown runner-ip-version', (from) => ({ 'runner-ip-sources': from, 'runner-ip-version': 'ipv5' }), /runner-ip-version/u],
    ['runner-ip-quorum: 0', (from) => ({ 'runner-ip-sources': from, 'runner-ip-quorum': '0' }), /runner-ip-quorum/u],
    // Written twice, one source is still one source: quorum 2 cannot be met by it alone.
    [
      'the same source twice under quorum 2',
      (from) => ({ 'runner-ip-sources': `${from.split(', ')[0]!}, ${from.split(', ')[0]!}` }),
      /runner-ip-quorum/u
    ]
  ];

  test.each(cases)('%s', async (_name, extra, message) => {
    const [e1, e2] = await answering(A, A);
    const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': 'runner', ...extra(sources(e1!, e2!)) }));
    expect(result.code).toBe(1);
    expect(errorLine(result)).toMatch(message);
    expect(c1.requests).toHaveLength(0);
    expect(echoRequests()).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
  });
});

describe('source validation', () => {
  // Regression: a host name that merely starts with "127." (a DNS name) is not loopback. runner-ip-quorum: 0 is
  // validated after the sources, so the step fails before any request either way; only the message tells which.
  test('a plain http:// source whose host name merely starts with "127." is rejected', async () => {
    const result = await runMain(
      assertionInputs(c1, {
        'allow-source-cidr': 'runner',
        'runner-ip-sources': 'http://127.0.0.1.invalid/ip, c1',
        'runner-ip-quorum': '0'
      })
    );
    expect(result.code).toBe(1);
    expect(c1.requests).toHaveLength(0);
    expect(errorLine(result)).toMatch(/runner-ip-sources.*127\.0\.0\.1\.invalid/u);
  });

  // Regression: duplicates are found after the URL is normalised, so one echo written as
  // `http://127.0.0.1:<port>` and `http://127.0.0.1:<port>/` is one source and cannot meet quorum 2 alone
  // ("a single lying or broken source cannot choose the IP").
  test('one source written in two forms is one source and cannot meet quorum 2 alone', async () => {
    const [e1] = await answering(A);
    const result = await runMain(runnerInputs(`${e1!.url}, ${e1!.url}/`));
    expect(result.code).toBe(1);
    expect(apiCalls(c1)).not.toContain('POST update');
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
    expect(e1!.requests.length).toBeLessThanOrEqual(1);
  });
});

describe('concurrency', () => {
  test('detection starts with authentication and the read does not wait for it', async () => {
    // Wide margins: each assertion below can only fail by a delay of about 500 ms inside the step itself.
    const c1Delay = 500;
    const echoDelay = 1000;
    c1.delayMs = c1Delay;
    const slow = await Promise.all([echo({ answer: A, delayMs: echoDelay }), echo({ answer: A, delayMs: echoDelay })]);
    const result = await runMain(runnerInputs(sources(...slow), { 'cidr-mode': 'add' }));
    expect(result.code).toBe(0);
    expect(apiCalls(c1)).toEqual(['POST token', 'GET get', 'POST update']);
    const [token, get] = c1.requests;
    // The stand-in logs each request on arrival and answers c1Delay later, so an echo asked before
    // token.at + c1Delay was asked before the token came back: detection did not wait for authentication.
    for (const e of slow) {
      expect(e.requests).toHaveLength(1);
      expect(e.requests[0]!.at).toBeLessThan(token!.at + c1Delay);
    }
    // Likewise the Get went out before any echo could have answered: the read did not wait for detection.
    const firstEcho = Math.min(...slow.map((e) => e.requests[0]!.at));
    expect(get!.at).toBeLessThan(firstEcho + echoDelay);
    expect(sorted(c1.record(TARGET)?.allowSourceCidr)).toEqual(sorted(['10.0.0.0/8', `${A}/32`]));
  });
});
