import { buildAssertion } from '../../src/c1/auth.js';
import { parseClientSecret } from '../../src/config/secret.js';
import { parseClientId } from '../../src/config/tenant.js';
import { startC1 } from '../standin/c1.mjs';
import { startGitHub } from '../standin/github.mjs';
import { runStep, type StepResult } from './runner.mjs';

export type C1 = Awaited<ReturnType<typeof startC1>>;
export type GitHub = Awaited<ReturnType<typeof startGitHub>>;
export type { StepResult };

export const REPO = 'repo:acme/app';
export const SECRET = 'C1_CLIENT_SECRET';
export const ID_VAR = 'C1_CLIENT_ID';

/** World is both stand-ins, with GitHub holding the caller's pair in the repository scope. */
export interface World {
  readonly c1: C1;
  readonly gh: GitHub;
}

export async function startRotationWorld(): Promise<World> {
  const [c1, gh] = await Promise.all([startC1(), startGitHub()]);
  gh.setSecret(REPO, SECRET, c1.caller.secret);
  gh.setVariable(REPO, ID_VAR, c1.caller.clientId);
  return { c1, gh };
}

export async function stopWorld(world: World | undefined): Promise<void> {
  if (world !== undefined) await Promise.all([world.c1.close(), world.gh.close()]);
}

/** selfInputs rotates the caller's own pcc credential into the repository's secret and variable. */
export function selfInputs(world: World, extra: Record<string, string> = {}): Record<string, string> {
  return {
    tenant: world.c1.url,
    'client-id': world.c1.caller.clientId,
    'client-secret': world.c1.caller.secret,
    'github-token': world.gh.appToken,
    'github-api-url': world.gh.url,
    'secret-name': SECRET,
    'client-id-variable': ID_VAR,
    'retry-max-attempts': '2',
    ...extra
  };
}

export function runRotate(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepResult> {
  return runStep('rotate', { inputs, env });
}

/** mintsToken asks the C1 stand-in's token endpoint, right now, for a token with this pair (a signed assertion). */
export function mintsToken(c1: C1, clientId: string | undefined, secret: string | undefined): Promise<boolean> {
  if (clientId === undefined || secret === undefined) return Promise.resolve(false);
  let assertion: string;
  try {
    assertion = buildAssertion(parseClientId('id', clientId), parseClientSecret('secret', secret), '127.0.0.1', new Date());
  } catch {
    return Promise.resolve(false);
  }
  // The stand-in's own token endpoint logic, without a socket: an HTTP request from inside a test file goes through
  // nock's interceptor, and one still open when the file ended broke nock for the next file in the worker.
  const status = c1.tokenStatus({
    client_id: clientId,
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion
  });
  return Promise.resolve(status === 200);
}

/** leaks names the secrets (whole or their key part) found anywhere a user or a later step could read. */
export function leaks(result: StepResult, secrets: readonly (string | undefined)[]): string[] {
  // `::add-mask::` lines are how a secret is masked: the runner reads them and shows nothing.
  const text = [
    result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    result.stderr,
    result.outputFile,
    result.stateFile,
    result.summary
  ].join('\n');
  const found: string[] = [];
  for (const secret of secrets) {
    if (secret === undefined || secret === '') continue;
    const keyPart = secret.split(':')[3] ?? secret;
    if (text.includes(secret) || text.includes(keyPart)) found.push(`${secret.slice(0, 12)}…`);
  }
  return found;
}

/** errorLine is the `::error::` line of a step, without the prefix. */
export function errorLine(result: StepResult): string {
  return (result.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '').slice('::error::'.length);
}
