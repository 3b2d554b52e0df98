import { C1Client } from './c1/client.js';
import { C1Error } from './c1/errors.js';
import type { PersonalClient } from './c1/types.js';
import type { Connection } from './config/connection.js';
import { parseConfig } from './config/inputs.js';
import { Env, Input } from './config/names.js';
import { findRunnerIp, type AskSource } from './net/detect.js';
import { planUpdate, type Plan } from './plan.js';
import { changeLines, outputs, summary, type Outcome } from './report.js';
import { resolveTarget } from './resolve.js';
import type { Runtime } from './runtime.js';
import { RunState } from './state.js';

/**
 * run is the main step: inputs → config → (token ‖ runner IP ‖ read) → plan → update → outputs and summary.
 * Every input is validated before the first request, and what the post step needs is saved before the Update.
 */
export async function run(rt: Runtime): Promise<void> {
  maskSecretInputs(rt);
  const config = parseConfig(rt.read, rt.env, rt.now());
  if (config.auth.kind === 'assertion') rt.setSecret(config.auth.secret.d);
  for (const warning of config.warnings) rt.log.warning(warning);
  const state = new RunState(rt.state);
  state.validated(config.cleanup, config.dryRun);

  const client = createClient(config, rt);
  const needsRead =
    config.target.kind === 'clientId' ||
    config.cidrMode !== 'replace' ||
    config.refreshWithinMs !== undefined ||
    config.cleanup === 'restore' ||
    config.dryRun;
  // Everything that does not depend on each other starts now: the token, the runner's IP, the read.
  const token = client.accessToken();
  const [resolved, runnerIp] = await Promise.all([
    resolveTarget(client, config.target, needsRead),
    config.allowSourceCidr?.runner === true ? findRunnerIp(config.runnerIp, askSource(client, rt)) : Promise.resolve(undefined),
    token
  ]);
  state.resolved(resolved.id);

  const plan = planUpdate({ config, current: resolved.current, runnerCidrs: runnerIp?.cidrs ?? [], now: rt.now() });
  for (const notice of plan.notices) rt.log.notice(notice);
  let after: PersonalClient;
  let updated = false;
  if (plan.mask.length === 0) {
    rt.log.info(`Personal client '${resolved.id}' already holds every planned value: nothing to send.`);
    state.outcome('unchanged');
    after = resolved.current ?? { id: resolved.id };
  } else if (config.dryRun) {
    rt.log.info(`Dry run: would send an Update of ${plan.mask.join(', ')} to personal client '${resolved.id}'.`);
    after = { ...resolved.current, ...plan.client };
  } else {
    after = await sendUpdate(client, state, resolved.id, plan);
    updated = true;
  }

  const outcome: Outcome = {
    id: resolved.id,
    after,
    before: resolved.current,
    plan,
    runnerIp,
    updated,
    dryRun: config.dryRun,
    cleanup: config.cleanup,
    lockCidr: config.lockCidr
  };
  report(rt, outcome);
  if (config.jobSummary) await rt.writeSummary(summary(outcome, await rt.runLink()));
}

/** sendUpdate records the plan and that it is being sent before it is, so a cancelled step can still be undone. */
async function sendUpdate(client: C1Client, state: RunState, id: string, plan: Plan): Promise<PersonalClient> {
  state.planned(plan.undo);
  state.outcome('sent');
  try {
    const after = await client.update(id, plan.client, plan.mask);
    state.outcome('accepted');
    return after;
  } catch (error) {
    // An error status C1 chose (400, 403, 404…) means the Update was not applied. Anything else (network
    // errors, exhausted retries, a 200 whose body is not C1's) leaves the outcome unknown.
    if (error instanceof C1Error && error.status !== undefined && error.status >= 400 && !error.retryable) state.outcome('rejected');
    throw error;
  }
}

function report(rt: Runtime, outcome: Outcome): void {
  for (const [name, value] of Object.entries(outputs(outcome))) rt.setOutput(name, value);
  for (const line of changeLines(outcome)) (outcome.dryRun ? rt.log.info : rt.log.notice)(line);
}

/** maskSecretInputs masks every secret the step may hold before anything could echo one. */
export function maskSecretInputs(rt: Runtime): void {
  const secrets = [rt.read(Input.token), rt.read(Input.clientSecret), rt.env[Env.accessToken] ?? '', rt.env[Env.clientSecret] ?? ''];
  for (const secret of secrets.map((s) => s.trim()).filter((s) => s !== '')) {
    rt.setSecret(secret);
    // The key part of a client secret is a secret on its own, should anything quote it alone.
    const keyPart = secret.split(':')[3];
    if (secret.startsWith('secret-token:') && keyPart !== undefined && keyPart !== '') rt.setSecret(keyPart);
  }
}

/** createClient builds the one C1 client from the connection settings and the runtime. */
export function createClient(connection: Connection, rt: Runtime): C1Client {
  return new C1Client({
    tenant: connection.tenant,
    auth: connection.auth,
    transport: rt.transport,
    timeoutMs: connection.requestTimeoutMs,
    retry: { maxAttempts: connection.retryMaxAttempts, sleep: rt.sleep, random: rt.random, log: rt.log.info },
    tokenDeps: { now: rt.now, getIdToken: rt.getIdToken, mask: rt.setSecret },
    debug: rt.log.debug
  });
}

/** askSource asks one runner-IP source: an echo URL, or C1 itself for `c1`. */
function askSource(client: C1Client, rt: Runtime): AskSource {
  return async (source, timeoutMs, signal) => {
    if (source === 'c1') {
      try {
        return await client.testSourceIp({ timeoutMs, signal });
      } catch (error) {
        if (error instanceof C1Error && error.status === 403) throw new Error('this credential may not call test-source-ip (HTTP 403)');
        throw error;
      }
    }
    const response = await rt.transport({ method: 'GET', url: source, headers: { accept: 'text/plain' }, timeoutMs, signal });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    return response.body;
  };
}
