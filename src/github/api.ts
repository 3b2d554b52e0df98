import { backoffMs } from '../c1/retry.js';

/** GitHubAnswer is one REST answer, whatever its status. */
export interface GitHubAnswer {
  readonly status: number;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
  /** Set by `send` when an earlier attempt ended without a clear answer: a write may have been applied. */
  readonly uncertain?: boolean;
}

/**
 * GitHubRequest sends one REST request (`GET /repos/o/r/...`, a body for writes) and answers with any status;
 * it throws only when no answer came (network error, timeout). Octokit's `request` behind it in production.
 */
export type GitHubRequest = (
  method: 'GET' | 'PUT' | 'POST' | 'PATCH',
  path: string,
  body?: Record<string, unknown>
) => Promise<GitHubAnswer>;

export interface GitHubRetry {
  readonly maxAttempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

/** GitHubError is a GitHub call that failed; `outcome` says whether a write may have been applied. */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly outcome: 'rejected' | 'unknown'
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

const RATE_LIMIT_CAP_MS = 60_000;

/** rateLimitWait says how long to wait when an answer is one of GitHub's rate-limit signals, else undefined. */
export function rateLimitWait(answer: GitHubAnswer, now: Date): number | undefined {
  const header = (name: string): string | undefined => {
    const v = answer.headers[name];
    return v === undefined ? undefined : String(v);
  };
  const secondary = answer.status === 403 && /secondary rate limit/iu.test(githubMessage(answer.data));
  const exhausted = header('x-ratelimit-remaining') === '0';
  if (answer.status !== 429 && !secondary && !exhausted) return undefined;
  if (exhausted && answer.status < 400) return undefined;
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined && /^\d+$/u.test(retryAfter.trim())) return Math.min(RATE_LIMIT_CAP_MS, Number(retryAfter) * 1000);
  const reset = header('x-ratelimit-reset');
  if (reset !== undefined && /^\d+$/u.test(reset.trim()))
    return Math.min(RATE_LIMIT_CAP_MS, Math.max(0, Number(reset) * 1000 - now.getTime()));
  return 1000;
}

/** githubMessage picks GitHub's `message` out of an error body. */
export function githubMessage(data: unknown): string {
  if (typeof data === 'object' && data !== null && typeof (data as Record<string, unknown>).message === 'string') {
    return (data as Record<string, string>).message ?? '';
  }
  return typeof data === 'string' ? data.slice(0, 200) : '';
}

/**
 * send sends one request with the contract's retries: rate limits (429, a 403 saying "secondary rate limit",
 * `x-ratelimit-remaining: 0`) wait `retry-after` or until the reset, at most 60 s; 5xx and network errors back
 * off. Any other 4xx is final. The answer is returned for the caller to judge (a 404 can be "absent"), with
 * `uncertain` when an earlier attempt may have applied the write; the error says the same in its `outcome`.
 */
export async function send(
  request: GitHubRequest,
  retry: GitHubRetry,
  what: string,
  method: 'GET' | 'PUT' | 'POST' | 'PATCH',
  path: string,
  body?: Record<string, unknown>
): Promise<GitHubAnswer> {
  let uncertain = false;
  for (let attempt = 1; ; attempt++) {
    let answer: GitHubAnswer;
    try {
      answer = await request(method, path, body);
    } catch (error) {
      uncertain = true;
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= retry.maxAttempts)
        throw new GitHubError(`GitHub ${what} failed after ${attempt} attempt(s): ${reason}.`, undefined, 'unknown');
      await wait(retry, attempt, reason, undefined);
      continue;
    }
    const limited = rateLimitWait(answer, retry.now());
    if (answer.status >= 500) uncertain = true;
    const transient = limited !== undefined || answer.status >= 500;
    if (!transient) return uncertain ? { ...answer, uncertain } : answer;
    if (attempt >= retry.maxAttempts) {
      throw new GitHubError(
        `GitHub ${what} failed after ${attempt} attempt(s): HTTP ${answer.status}${githubMessage(answer.data) === '' ? '' : ` (${githubMessage(answer.data)})`}.`,
        answer.status,
        uncertain ? 'unknown' : 'rejected'
      );
    }
    await wait(retry, attempt, `HTTP ${answer.status}`, limited);
  }
}

async function wait(retry: GitHubRetry, attempt: number, reason: string, ms: number | undefined): Promise<void> {
  const delay = ms ?? backoffMs(attempt, retry.random);
  retry.log(`GitHub: attempt ${attempt + 1} of ${retry.maxAttempts} after ${reason}, waiting ${(delay / 1000).toFixed(1)} s`);
  await retry.sleep(delay);
}
