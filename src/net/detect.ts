import { messageOf } from '../c1/errors.js';
import type { RunnerIpConfig } from '../config/inputs.js';
import { toCidr } from './cidr.js';
import type { Family } from './ip.js';
import { describeAnswers, tally, type Agreement, type SourceAnswer } from './quorum.js';

/** AskSource asks one source once: a URL, or `c1` for C1's own view. It must stop when the signal aborts. */
export type AskSource = (source: string, timeoutMs: number, signal: AbortSignal) => Promise<string>;

/** RunnerIp is the outcome: the addresses used, as CIDRs, and who vouched for them. */
export interface RunnerIp {
  readonly addresses: readonly string[];
  readonly cidrs: readonly string[];
  /** Per address, the sources that agreed; empty when `runner-ip` was given. */
  readonly agreements: readonly { readonly address: string; readonly sources: readonly string[] }[];
  /** Every source with its answer, for the summary; empty when `runner-ip` was given. */
  readonly answers: string;
}

export class DetectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DetectionError';
  }
}

/**
 * findRunnerIp uses `runner-ip` when given, or asks every source at once, each once, and stops (cancelling the
 * rest) as soon as the quorum settles. The quorum exists so that one lying or broken source cannot choose the
 * address a credential is narrowed to.
 */
export async function findRunnerIp(config: RunnerIpConfig, ask: AskSource): Promise<RunnerIp> {
  const prefix = (family: Family): number => (family === 'ipv4' ? config.ipv4Prefix : config.ipv6Prefix);
  if (config.given !== undefined) {
    return {
      addresses: config.given.map((a) => a.text),
      cidrs: [...new Set(config.given.map((a) => toCidr(a, prefix(a.family))))],
      agreements: [],
      answers: ''
    };
  }
  if (config.sources.length === 0) throw new DetectionError('No runner-ip-sources to ask.');
  const families: Family[] = config.version === 'both' ? ['ipv4', 'ipv6'] : [config.version];
  const answers: SourceAnswer[] = config.sources.map((source) => ({ source, state: 'pending' }));
  const cancel = new AbortController();
  const asked: Promise<void>[] = [];
  const result = await new Promise<readonly Agreement[]>((resolve) => {
    const check = (): void => {
      const now = tally(answers, families, config.quorum);
      if (now.settled) resolve(now.agreed);
    };
    config.sources.forEach((source, i) => {
      const asking = ask(source, config.timeoutMs, cancel.signal).then(
        (body) => {
          answers[i] = { source, state: 'answered', body };
          check();
        },
        (error: unknown) => {
          answers[i] = { source, state: 'failed', error: messageOf(error) };
          check();
        }
      );
      asked.push(asking);
    });
  });
  if (result.length === 0) {
    // A failure lists every source's answer, so wait for the slower ones (each has its own timeout).
    await Promise.all(asked);
  }
  cancel.abort();
  const listed = describeAnswers(answers);
  if (result.length === 0) {
    const wanted = families.join(' or ');
    throw new DetectionError(
      `Could not find the runner's ${wanted} address: no ${config.quorum} sources agreed on a publicly routable address. ` +
        `Sources: ${listed}. Give runner-ip, or other runner-ip-sources.`
    );
  }
  return {
    addresses: result.map((a) => a.address.text),
    cidrs: result.map((a) => toCidr(a.address, prefix(a.address.family))),
    agreements: result.map((a) => ({ address: a.address.text, sources: a.sources })),
    answers: listed
  };
}
