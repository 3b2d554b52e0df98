import type { C1Client } from '../c1/client.js';
import { C1Error, messageOf } from '../c1/errors.js';
import type { PersonalClient } from '../c1/types.js';
import { mintUntilAccepted, type Verification } from '../c1/verify.js';
import { formatDuration } from '../config/durations.js';
import { InputError } from '../config/errors.js';
import { Input } from '../config/names.js';
import { parseClientId, type ClientId } from '../config/tenant.js';
import type { VerifyConfig } from '../config/verify.js';
import { holdsAddress } from '../net/cidr.js';
import { parseAddress, type Address } from '../net/ip.js';
import type { Runtime } from '../runner/runtime.js';

/** What the main step knows about the credential when it verifies it. */
export interface Verifying {
  readonly id: string;
  /** The credential after the step, and as read before it (if it was): one of them names its client ID. */
  readonly after: PersonalClient;
  readonly before: PersonalClient | undefined;
  /** The runner's address(es) the action narrowed to, when `allow-source-cidr` asked for `runner`. */
  readonly runnerAddresses: readonly string[] | undefined;
  /** The timeout for asking test-source-ip: the runner-IP detection's own. */
  readonly askTimeoutMs: number;
}

/** VerifyResult is how verification went, and, when it failed, the message the step fails with. */
export interface VerifyResult {
  readonly verification: Verification;
  readonly failure: string | undefined;
}

/**
 * verifyCredential proves that C1 accepts the changed credential from this runner by minting a token with its
 * own secret, retried until `verify-timeout`: a narrowed list can take a while to apply, and C1 may see the
 * runner at another address than the echo services did. It never throws for a refusal: the caller writes the
 * outputs and the summary first, then fails the step with `failure`.
 */
export async function verifyCredential(
  rt: Runtime,
  client: C1Client,
  verify: Extract<VerifyConfig, { mode: 'token' }>,
  it: Verifying
): Promise<VerifyResult> {
  const clientId = verify.clientId ?? clientIdFromC1(it);
  if (clientId === undefined) {
    const last = `C1 did not say the client ID of personal client '${it.id}'`;
    return {
      verification: { accepted: false, afterMs: 0, attempts: 0, last, final: true },
      failure: `Verification of personal client '${it.id}' could not start: ${last}; give ${Input.personalClientId} as the full client ID.`
    };
  }
  rt.log.info(
    `Verifying that C1 accepts personal client '${it.id}' from this runner: minting a token with ${verify.secretFrom}, ` +
      `for up to ${formatDuration(verify.timeoutMs)}.`
  );
  const verification = await mintUntilAccepted(client, { clientId, secret: verify.secret }, verify.timeoutMs, {
    clock: () => rt.now().getTime(),
    sleep: rt.sleep,
    log: rt.log.info
  });
  if (verification.accepted) {
    rt.log.notice(
      `Verified: C1 minted a token with personal client '${it.id}' from this runner after ${seconds(verification.afterMs)} ` +
        `(${verification.attempts} ${verification.attempts === 1 ? 'attempt' : 'attempts'}); the token was thrown away.`
    );
    return { verification, failure: undefined };
  }
  const how = verification.final
    ? `C1 refused a token request with it with an answer that waiting will not change: ${verification.last}`
    : `C1 did not accept a token request with it from this runner for ${seconds(verification.afterMs)} ` +
      `(${verification.attempts} attempts, ${Input.verifyTimeout} ${formatDuration(verify.timeoutMs)}; the last answer: ${verification.last})`;
  const list = [...(it.after.allowSourceCidr ?? [])];
  const seen = await addressC1Sees(client, it.askTimeoutMs);
  const runner = it.runnerAddresses === undefined ? '' : ` (the runner's address as the action found it: ${it.runnerAddresses.join(', ')})`;
  const failure =
    `Verification of personal client '${it.id}' failed: ${how}. ` +
    `The credential's allowSourceCidr is ${list.length === 0 ? '(empty: any address)' : list.join(', ')}${runner}. ` +
    `${describeSeen(seen, list)} The post step's cleanup, if one is set, still runs.`;
  return { verification, failure };
}

/** clientIdFromC1 takes the credential's client ID from C1's answer, checked as an input would be. */
function clientIdFromC1(it: Verifying): ClientId | undefined {
  const text = it.after.clientId ?? it.before?.clientId;
  if (text === undefined) return undefined;
  try {
    const parsed = parseClientId(Input.personalClientId, text);
    return parsed.kind === 'pcc' ? parsed : undefined;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

type Seen = { readonly address: Address } | { readonly unknown: string };

/** addressC1Sees asks C1's test-source-ip which address it sees this runner at, once; its answer is untrusted. */
async function addressC1Sees(client: C1Client, timeoutMs: number): Promise<Seen> {
  try {
    const checked = await client.testSourceIp({ timeoutMs, signal: new AbortController().signal });
    const address = parseAddress(checked.trim());
    return address === undefined ? { unknown: "C1's test-source-ip answered with something that is not an IP address" } : { address };
  } catch (error) {
    if (error instanceof C1Error && error.status === 403) {
      return { unknown: "the action's credential may not ask C1's test-source-ip (HTTP 403)" };
    }
    return { unknown: `C1's test-source-ip failed: ${messageOf(error)}` };
  }
}

function describeSeen(seen: Seen, list: readonly string[]): string {
  if ('unknown' in seen) return `Which address C1 sees for this runner is unknown: ${seen.unknown}.`;
  const text = seen.address.text;
  if (list.length === 0) return `C1 sees this runner at ${text}.`;
  return holdsAddress(list, seen.address)
    ? `C1 sees this runner at ${text}, which the list covers: the change may not have applied yet (a longer ${Input.verifyTimeout} may help).`
    : `C1 sees this runner at ${text}, which the list does not cover.`;
}

/** seconds shows a measured time to a tenth of a second: how long C1 took matters at that scale. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
