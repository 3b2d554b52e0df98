/** RetryPolicy is the contract's one policy for every C1 request, token endpoint included. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Waits; tests pass one that records instead of sleeping. */
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) for full jitter; tests pass a fixed one. */
  readonly random: () => number;
  readonly log: (line: string) => void;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

const BASE_MS = 500;
const CAP_MS = 10_000;
const RETRY_AFTER_CAP_MS = 30_000;

/** backoffMs is full jitter: a random wait up to min(10 s, 0.5 s × 2^(attempt − 1)). */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1)));
}

/** parseRetryAfter reads `Retry-After` as seconds or an HTTP date, capped at 30 s; undefined when absent or bad. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/u.test(v)) ms = Number(v) * 1000;
  else if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/u.test(v)) return undefined;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now.getTime());
  }
  return Math.min(RETRY_AFTER_CAP_MS, ms);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
