import { parseConfig, type RunnerIpConfig } from '../src/config/inputs.js';
import { DetectionError, findRunnerIp, type AskSource, type RunnerIp } from '../src/net/detect.js';
import type { Family } from '../src/net/ip.js';
import { describeAnswers, readVote, tally, type SourceAnswer } from '../src/net/quorum.js';

const A = 'https://a.example/';
const B = 'https://b.example/';
const C = 'https://c.example/';
const D = 'https://d.example/';

const answered = (source: string, body: string): SourceAnswer => ({ source, state: 'answered', body });
const failed = (source: string, error: string): SourceAnswer => ({ source, state: 'failed', error });
const pending = (source: string): SourceAnswer => ({ source, state: 'pending' });

describe('readVote', () => {
  test.each<[string, string, string]>([
    ['a plain IPv4', '8.8.8.8', '8.8.8.8'],
    ['an answer with a trailing newline', '8.8.8.8\n', '8.8.8.8'],
    ['an answer with surrounding white space', '  1.1.1.1\r\n', '1.1.1.1'],
    ['an IPv6 answer, in canonical form', '2606:4700:4700:0:0:0:0:1111', '2606:4700:4700::1111'],
    ['an IPv4-mapped answer, read as IPv4', '::ffff:8.8.8.8', '8.8.8.8']
  ])('counts %s', (_what, body, text) => {
    const vote = readVote(body);
    expect('address' in vote ? vote.address.text : vote.rejected).toBe(text);
  });

  test.each<[string, string, RegExp]>([
    ['garbage', '<html>hello</html>', /is not a single IP address/u],
    ['an empty body', '', /is not a single IP address/u],
    ['two IPs', '8.8.8.8 1.1.1.1', /is not a single IP address/u],
    ['two IPs on two lines', '8.8.8.8\n1.1.1.1', /is not a single IP address/u],
    ['an IP with a port', '8.8.8.8:443', /is not a single IP address/u],
    ['JSON', '{"ip":"8.8.8.8"}', /is not a single IP address/u],
    ['a private IP', '10.0.0.1', /10\.0\.0\.1 is not publicly routable \(private\)/u],
    ['a CGNAT IP', '100.64.0.1', /not publicly routable/u],
    ['a loopback IP', '127.0.0.1', /not publicly routable \(loopback\)/u],
    ['a documentation IP', '203.0.113.7', /not publicly routable/u],
    ['an IPv4-mapped private IP', '::ffff:192.168.0.1', /192\.168\.0\.1 is not publicly routable/u],
    ['an IPv6 unique-local IP', 'fd00::1', /not publicly routable \(uniqueLocal\)/u]
  ])('rejects %s', (_what, body, pattern) => {
    const vote = readVote(body);
    expect('rejected' in vote ? vote.rejected : 'counted').toMatch(pattern);
  });

  test('shortens a long garbage answer in its reason', () => {
    const vote = readVote('x'.repeat(500));
    expect('rejected' in vote ? vote.rejected.length : 0).toBeLessThan(100);
  });
});

describe('tally', () => {
  interface Case {
    readonly answers: readonly SourceAnswer[];
    readonly families?: readonly Family[];
    readonly quorum: number;
    readonly agreed: readonly string[];
    readonly settled: boolean;
  }
  test.each<[string, Case]>([
    [
      'settles when two of three agree, the third still pending',
      { answers: [answered(A, '8.8.8.8'), answered(B, '8.8.8.8'), pending(C)], quorum: 2, agreed: ['8.8.8.8'], settled: true }
    ],
    [
      'waits while a pending source could still make the quorum',
      { answers: [answered(A, '8.8.8.8'), pending(B), pending(C)], quorum: 2, agreed: [], settled: false }
    ],
    [
      'waits on a disagreement that a pending source could break',
      { answers: [answered(A, '8.8.8.8'), answered(B, '1.1.1.1'), pending(C)], quorum: 2, agreed: [], settled: false }
    ],
    [
      'lets the majority outvote a lying source',
      { answers: [answered(A, '8.8.8.8'), answered(B, '1.1.1.1'), answered(C, '8.8.8.8')], quorum: 2, agreed: ['8.8.8.8'], settled: true }
    ],
    [
      'settles with no agreement when every source disagrees',
      { answers: [answered(A, '8.8.8.8'), answered(B, '1.1.1.1'), answered(C, '9.9.9.9')], quorum: 2, agreed: [], settled: true }
    ],
    [
      'settles with no agreement when no pending source could make the quorum',
      { answers: [failed(A, 'timeout'), answered(B, 'garbage'), pending(C)], quorum: 2, agreed: [], settled: true }
    ],
    [
      'does not count garbage, private IPs or two IPs',
      {
        answers: [answered(A, '8.8.8.8'), answered(B, '10.0.0.1'), answered(C, '8.8.8.8 1.1.1.1'), answered(D, 'nope')],
        quorum: 2,
        agreed: [],
        settled: true
      }
    ],
    [
      'settles with no agreement when fewer sources answered than the quorum',
      { answers: [answered(A, '8.8.8.8'), failed(B, 'ECONNRESET'), failed(C, 'timeout')], quorum: 2, agreed: [], settled: true }
    ],
    [
      'needs every source with a quorum equal to their number',
      { answers: [answered(A, '8.8.8.8'), answered(B, '8.8.8.8'), pending(C)], quorum: 3, agreed: [], settled: false }
    ],
    [
      'agrees on one source with quorum 1',
      { answers: [answered(A, '8.8.8.8'), pending(B)], quorum: 1, agreed: ['8.8.8.8'], settled: true }
    ],
    [
      'counts IPv4-mapped and plain IPv4 as the same answer',
      { answers: [answered(A, '::ffff:8.8.8.8'), answered(B, '8.8.8.8')], quorum: 2, agreed: ['8.8.8.8'], settled: true }
    ],
    [
      'ignores the other family for ipv4',
      {
        answers: [answered(A, '2606:4700:4700::1111'), answered(B, '2606:4700:4700::1111'), pending(C)],
        families: ['ipv4'],
        quorum: 2,
        agreed: [],
        settled: true
      }
    ],
    [
      'agrees on IPv6 for ipv6',
      {
        answers: [answered(A, '2606:4700:4700::1111'), answered(B, '2606:4700:4700::1111')],
        families: ['ipv6'],
        quorum: 2,
        agreed: ['2606:4700:4700::1111'],
        settled: true
      }
    ],
    [
      'with both, waits for the family still open',
      {
        answers: [answered(A, '8.8.8.8'), answered(B, '8.8.8.8'), pending(C), pending(D)],
        families: ['ipv4', 'ipv6'],
        quorum: 2,
        agreed: ['8.8.8.8'],
        settled: false
      }
    ],
    [
      'with both, settles on each family that reached its quorum',
      {
        answers: [answered(A, '8.8.8.8'), answered(B, '8.8.8.8'), answered(C, '2606:4700:4700::1111'), answered(D, '2606:4700:4700::1111')],
        families: ['ipv4', 'ipv6'],
        quorum: 2,
        agreed: ['8.8.8.8', '2606:4700:4700::1111'],
        settled: true
      }
    ],
    [
      'with both, settles on one family when the other cannot reach its quorum',
      {
        answers: [answered(A, '8.8.8.8'), answered(B, '8.8.8.8'), failed(C, 'x'), answered(D, '2606:4700:4700::1111')],
        families: ['ipv4', 'ipv6'],
        quorum: 2,
        agreed: ['8.8.8.8'],
        settled: true
      }
    ]
  ])('%s', (_name, { answers, families = ['ipv4'], quorum, agreed, settled }) => {
    const result = tally(answers, families, quorum);
    expect(result.agreed.map((a) => a.address.text)).toEqual(agreed);
    expect(result.settled).toBe(settled);
  });

  test('names the sources that agreed', () => {
    const result = tally([answered(A, '8.8.8.8'), answered(B, '1.1.1.1'), answered(C, '8.8.8.8')], ['ipv4'], 2);
    expect(result.agreed[0]?.sources).toEqual([A, C]);
  });
});

describe('describeAnswers', () => {
  test('lists every source with its answer or error', () => {
    const text = describeAnswers([
      answered(A, '8.8.8.8\n'),
      answered(B, '10.0.0.1'),
      answered(C, 'oops'),
      failed(D, 'no complete answer within 5 s'),
      pending('c1')
    ]);
    expect(text).toBe(
      [
        `${A}: 8.8.8.8`,
        `${B}: 10.0.0.1 is not publicly routable (private)`,
        `${C}: "oops" is not a single IP address`,
        `${D}: no complete answer within 5 s`,
        'c1: no answer (cancelled or still waiting)'
      ].join('; ')
    );
  });
});

/** Script says how a fake source behaves: answer or fail after a delay, or never answer at all. */
type Script = { readonly body: string; readonly afterMs?: number } | { readonly error: string; readonly afterMs?: number } | 'hang';

interface Call {
  readonly source: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/** fakeAsk answers each source by its script, and records every call with its AbortSignal. */
function fakeAsk(scripts: Readonly<Record<string, Script>>): { ask: AskSource; calls: Call[] } {
  const calls: Call[] = [];
  const ask: AskSource = (source, timeoutMs, signal) => {
    calls.push({ source, timeoutMs, signal });
    const script = scripts[source];
    if (script === undefined) return Promise.reject(new Error(`unexpected source ${source}`));
    if (script === 'hang') return new Promise<string>(() => undefined);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => ('body' in script ? resolve(script.body) : reject(new Error(script.error))), script.afterMs ?? 0);
      // Like the real transport, a cancelled request stops at once.
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
  };
  return { ask, calls };
}

function ipConfig(over: Partial<RunnerIpConfig> = {}): RunnerIpConfig {
  return { given: undefined, sources: [A, B, C], version: 'ipv4', quorum: 2, ipv4Prefix: 32, ipv6Prefix: 128, timeoutMs: 5_000, ...over };
}

/** within fails the test if the promise has not settled after ms: detection must never wait on a hung source. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function detectionErrorOf(promise: Promise<RunnerIp>): Promise<DetectionError> {
  try {
    await within(2_000, promise);
  } catch (error) {
    if (error instanceof DetectionError) return error;
    throw error;
  }
  throw new Error('expected a DetectionError');
}

describe('findRunnerIp', () => {
  test('asks every source at once, each once, with the detection timeout', async () => {
    const { ask, calls } = fakeAsk({ [A]: { body: '8.8.8.8' }, [B]: { body: '8.8.8.8' }, [C]: { body: '8.8.8.8' } });
    const promise = findRunnerIp(ipConfig({ timeoutMs: 1_234 }), ask);
    expect(calls.map((c) => c.source)).toEqual([A, B, C]);
    expect(calls.every((c) => c.timeoutMs === 1_234)).toBe(true);
    await within(2_000, promise);
    expect(calls).toHaveLength(3);
  });

  test('uses the address two sources agree on, as a /32 by default, naming who agreed', async () => {
    const { ask } = fakeAsk({
      [A]: { body: '8.8.8.8\n', afterMs: 5 },
      [B]: { body: '8.8.8.8', afterMs: 10 },
      [C]: { body: '8.8.8.8', afterMs: 200 }
    });
    const result = await within(2_000, findRunnerIp(ipConfig(), ask));
    expect(result.addresses).toEqual(['8.8.8.8']);
    expect(result.cidrs).toEqual(['8.8.8.8/32']);
    expect(result.agreements).toEqual([{ address: '8.8.8.8', sources: [A, B] }]);
  });

  test('resolves without waiting for a hanging source once two agree, and aborts it', async () => {
    const { ask, calls } = fakeAsk({ [A]: { body: '8.8.8.8', afterMs: 5 }, [B]: 'hang', [C]: { body: '8.8.8.8', afterMs: 10 } });
    const result = await within(1_000, findRunnerIp(ipConfig(), ask));
    expect(result.cidrs).toEqual(['8.8.8.8/32']);
    const hung = calls.find((c) => c.source === B);
    expect(hung?.signal.aborted).toBe(true);
    expect(result.answers).toContain(`${B}: no answer (cancelled or still waiting)`);
  });

  test('cancels the slower sources as soon as the quorum agrees', async () => {
    const { ask, calls } = fakeAsk({ [A]: { body: '8.8.8.8' }, [B]: { body: '8.8.8.8' }, [C]: { body: '8.8.8.8', afterMs: 60_000 } });
    await within(1_000, findRunnerIp(ipConfig(), ask));
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
  });

  test('lets two agreeing sources outvote one that lies', async () => {
    const { ask } = fakeAsk({
      [A]: { body: '1.1.1.1', afterMs: 1 },
      [B]: { body: '8.8.8.8', afterMs: 5 },
      [C]: { body: '8.8.8.8', afterMs: 10 }
    });
    const result = await within(2_000, findRunnerIp(ipConfig(), ask));
    expect(result.addresses).toEqual(['8.8.8.8']);
    expect(result.answers).toContain(`${A}: 1.1.1.1`);
  });

  test.each<[string, Readonly<Record<string, Script>>, number, readonly string[]]>([
    [
      'fails listing every source when all three disagree',
      { [A]: { body: '8.8.8.8' }, [B]: { body: '1.1.1.1' }, [C]: { body: '9.9.9.9' } },
      2,
      [`${A}: 8.8.8.8`, `${B}: 1.1.1.1`, `${C}: 9.9.9.9`]
    ],
    [
      'fails listing errors, garbage, private and double answers',
      { [A]: { body: '8.8.8.8' }, [B]: { error: 'getaddrinfo ENOTFOUND b.example' }, [C]: { body: '<html>' } },
      2,
      [`${A}: 8.8.8.8`, `${B}: getaddrinfo ENOTFOUND b.example`, `${C}: "<html>" is not a single IP address`]
    ],
    [
      'fails when a private IP would be the second vote',
      { [A]: { body: '8.8.8.8' }, [B]: { body: '192.168.1.10' }, [C]: { body: '8.8.8.8 1.1.1.1' } },
      2,
      [`${B}: 192.168.1.10 is not publicly routable (private)`, `${C}: "8.8.8.8 1.1.1.1" is not a single IP address`]
    ],
    [
      'fails when fewer sources answer than the quorum',
      { [A]: { body: '8.8.8.8' }, [B]: { body: '8.8.8.8' }, [C]: { error: 'no complete answer within 5 s' } },
      3,
      [`${A}: 8.8.8.8`, `${B}: 8.8.8.8`, `${C}: no complete answer within 5 s`]
    ]
  ])('%s', async (_name, scripts, quorum, listed) => {
    const { ask } = fakeAsk(scripts);
    const error = await detectionErrorOf(findRunnerIp(ipConfig({ quorum }), ask));
    expect(error.message).toMatch(new RegExp(`no ${quorum} sources agreed`, 'u'));
    for (const line of listed) expect(error.message).toContain(line);
    expect(error.message).toMatch(/Give runner-ip/u);
  });

  test('with both families, uses each family that reaches its quorum', async () => {
    const { ask } = fakeAsk({
      [A]: { body: '8.8.8.8' },
      [B]: { body: '8.8.8.8' },
      [C]: { body: '2606:4700:4700::1111' },
      [D]: { body: '2606:4700:4700:0::1111' }
    });
    const result = await within(2_000, findRunnerIp(ipConfig({ version: 'both', sources: [A, B, C, D], ipv6Prefix: 64 }), ask));
    expect(result.addresses).toEqual(['8.8.8.8', '2606:4700:4700::1111']);
    expect(result.cidrs).toEqual(['8.8.8.8/32', '2606:4700:4700::/64']);
  });

  test('with both families, one family reaching its quorum is enough', async () => {
    const { ask } = fakeAsk({
      [A]: { body: '8.8.8.8' },
      [B]: { body: '8.8.8.8' },
      [C]: { error: 'ENETUNREACH' },
      [D]: { body: '2606:4700:4700::1111' }
    });
    const result = await within(2_000, findRunnerIp(ipConfig({ version: 'both', sources: [A, B, C, D] }), ask));
    expect(result.addresses).toEqual(['8.8.8.8']);
  });

  test('with ipv6, IPv4 answers do not count', async () => {
    const { ask } = fakeAsk({ [A]: { body: '8.8.8.8' }, [B]: { body: '8.8.8.8' } });
    const error = await detectionErrorOf(findRunnerIp(ipConfig({ version: 'ipv6', sources: [A, B] }), ask));
    expect(error.message).toMatch(/runner's ipv6 address/u);
  });

  test('applies the IPv4 prefix to the detected address', async () => {
    const { ask } = fakeAsk({ [A]: { body: '8.8.8.8' }, [B]: { body: '8.8.8.8' }, [C]: 'hang' });
    expect((await within(1_000, findRunnerIp(ipConfig({ ipv4Prefix: 24 }), ask))).cidrs).toEqual(['8.8.8.0/24']);
  });

  test('uses runner-ip as given, with the prefixes applied, asking no source', async () => {
    const config = parseConfig(
      (name) =>
        ({
          token: 't',
          tenant: 'acme',
          'personal-client-id': 'blue-whale-1',
          'allow-source-cidr': 'runner',
          'runner-ip': '203.0.113.7 2001:db8::7',
          'runner-ipv4-prefix': '24',
          'runner-ipv6-prefix': '64'
        })[name] ?? '',
      {},
      new Date('2026-03-01T12:00:00Z')
    );
    const { ask, calls } = fakeAsk({});
    const result = await findRunnerIp(config.runnerIp, ask);
    expect(calls).toEqual([]);
    expect(result).toEqual({
      addresses: ['203.0.113.7', '2001:db8::7'],
      cidrs: ['203.0.113.0/24', '2001:db8::/64'],
      agreements: [],
      answers: ''
    });
  });

  test('merges given runner IPs that fall in one prefix into one CIDR', async () => {
    const config = parseConfig(
      (name) =>
        ({
          token: 't',
          tenant: 'acme',
          'personal-client-id': 'x',
          'allow-source-cidr': 'runner',
          'runner-ip': '203.0.113.7 203.0.113.9',
          'runner-ipv4-prefix': '24'
        })[name] ?? '',
      {},
      new Date('2026-03-01T12:00:00Z')
    );
    expect((await findRunnerIp(config.runnerIp, fakeAsk({}).ask)).cidrs).toEqual(['203.0.113.0/24']);
  });
});
