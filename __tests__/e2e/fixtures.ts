import { startC1 } from '../standin/c1.mjs';
import { runStep, type StepOptions, type StepResult } from './runner.mjs';

export type { StepResult };

export type C1 = Awaited<ReturnType<typeof startC1>>;

/** TARGET is the credential most tests change; the caller (c1.caller) is a different one. */
export const TARGET = 'blue-whale-12345';

/** startWorld starts the C1 stand-in with the target credential seeded as given. */
export async function startWorld(seed: Record<string, unknown> = {}): Promise<C1> {
  const c1 = await startC1();
  c1.seed({
    id: TARGET,
    clientId: `${TARGET}@127.0.0.1:${c1.port}/pcc`,
    displayName: 'deploy bot',
    allowSourceCidr: ['10.0.0.0/8'],
    scopedRoles: ['role-read'],
    expiresTime: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    ...seed
  });
  c1.clearLog();
  return c1;
}

/** assertionInputs authenticates as the stand-in's caller with client-id and client-secret. */
export function assertionInputs(c1: C1, extra: Record<string, string> = {}): Record<string, string> {
  return { tenant: c1.url, 'client-id': c1.caller.clientId, 'client-secret': c1.caller.secret, 'personal-client-id': TARGET, ...extra };
}

/** tokenInputs authenticates with a bearer token the stand-in issued. */
export function tokenInputs(c1: C1, extra: Record<string, string> = {}): Record<string, string> {
  return { tenant: c1.url, token: c1.issueToken(), 'personal-client-id': TARGET, ...extra };
}

/** runMain runs dist/main as the runner does. */
export function runMain(inputs: Record<string, string>, options: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
  return runStep('main', { ...options, inputs });
}

/** runPost runs dist/post with the same inputs and the state main wrote, as the runner does. */
export function runPost(
  inputs: Record<string, string>,
  main: StepResult,
  options: Omit<StepOptions, 'inputs' | 'state'> = {}
): Promise<StepResult> {
  return runStep('post', { ...options, inputs, state: main.state });
}

/** apiCalls lists the logged requests as `METHOD route` for asserting the exact calls made. */
export function apiCalls(c1: C1): string[] {
  return c1.requests.map((r) => `${r.method} ${r.route}`);
}

/** errorLine is the `::error::` line the step wrote, without the prefix. */
export function errorLine(result: StepResult): string {
  return (result.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '').slice('::error::'.length);
}

/** stackLines are lines of a JavaScript stack trace, which a user should never see. */
export function stackLines(result: StepResult): string[] {
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => /^\s+at\s/u.test(l));
}

/** expectSuccess asserts the step exited 0 with no error line and nothing on stderr. */
export function expectSuccess(result: StepResult): void {
  expect({ code: result.code, error: errorLine(result), stderr: result.stderr }).toEqual({ code: 0, error: '', stderr: '' });
}

/** expectFailure asserts the step failed with one clear error line and no stack trace, and returns the line. */
export function expectFailure(result: StepResult): string {
  expect(result.code).toBe(1);
  const error = errorLine(result);
  expect(error).not.toBe('');
  expect(stackLines(result)).toEqual([]);
  return error;
}
