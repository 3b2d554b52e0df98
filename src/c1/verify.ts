import type { ClientSecret } from '../config/secret.js';
import type { ClientId } from '../config/tenant.js';
import type { C1Client, MintAttempt } from './client.js';

/** A credential to prove: its client ID and its own secret (not the caller's). */
export interface Credential {
  readonly clientId: ClientId;
  readonly secret: ClientSecret;
}

export interface VerifyDeps {
  /** Milliseconds on a monotonic clock; tests pass a fake one that `sleep` advances. */
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** One line per refused attempt, for the log. */
  readonly log: (line: string) => void;
  /**
   * Whether a 400 with one of the OAuth refusals below is retried: yes for `verify: token` (interface.md: how C1
   * refuses a source address is not documented), no for rotation (rotation.md retries only 401, 403, 429, 5xx
   * and network errors). Default true.
   */
  readonly retryOAuth400?: boolean;
}

/** Verification is how proving a credential ended: accepted after how long, or why not. */
export type Verification =
  | { readonly accepted: true; readonly afterMs: number; readonly attempts: number }
  | { readonly accepted: false; readonly afterMs: number; readonly attempts: number; readonly last: string; readonly final: boolean };

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;

// How C1 refuses a source address at the token endpoint is not documented: these OAuth errors may be it.
const RETRIED_OAUTH_ERRORS: ReadonlySet<string> = new Set(['invalid_client', 'invalid_grant', 'unauthorized_client', 'access_denied']);

/** verifyDelayMs is the wait before attempt `attempt + 1`: 0.5 s doubling, at most 5 s apart. */
export function verifyDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
}

/**
 * worthRetrying says whether a refused mint may succeed later: a changed list or a new credential can take a
 * while to apply, so 401, 403, 429, 5xx, network errors and the OAuth refusals above are retried; any other
 * answer (a malformed request, say) will not change by waiting.
 */
export function worthRetrying(attempt: MintAttempt, retryOAuth400 = true): boolean {
  if (attempt.kind !== 'refused') return attempt.kind === 'network';
  const { status, oauthError } = attempt;
  if (status === 401 || status === 403 || status === 429 || status >= 500) return true;
  return retryOAuth400 && status === 400 && oauthError !== undefined && RETRIED_OAUTH_ERRORS.has(oauthError);
}

/**
 * mintUntilAccepted proves that C1 accepts a credential from this runner by minting a token with it, again and
 * again with backoff until one is accepted or `timeoutMs` has passed (the last attempt at the deadline). The
 * tokens are masked and thrown away.
 */
export async function mintUntilAccepted(
  client: C1Client,
  credential: Credential,
  timeoutMs: number,
  deps: VerifyDeps
): Promise<Verification> {
  const started = deps.clock();
  for (let attempt = 1; ; attempt++) {
    const result = await client.mintOnce(credential.clientId, credential.secret);
    const elapsed = deps.clock() - started;
    if (result.kind === 'accepted') return { accepted: true, afterMs: elapsed, attempts: attempt };
    const last = result.message;
    if (!worthRetrying(result, deps.retryOAuth400 ?? true))
      return { accepted: false, afterMs: elapsed, attempts: attempt, last, final: true };
    // The last wait is cut short so that one attempt falls on the deadline itself, not up to 5 s before it.
    const remaining = timeoutMs - elapsed;
    if (remaining <= 0) return { accepted: false, afterMs: elapsed, attempts: attempt, last, final: false };
    const wait = Math.min(verifyDelayMs(attempt), remaining);
    deps.log(`verification attempt ${attempt} refused (${last}); trying again in ${(wait / 1000).toFixed(1)} s`);
    await deps.sleep(wait);
  }
}
