import { AcceptedMalformed, type C1Client } from '../c1/client.js';
import { C1Error } from '../c1/errors.js';
import type { PersonalClient } from '../c1/types.js';
import { parseConfig } from '../config/inputs.js';
import { findRunnerIp, type AskSource } from '../net/detect.js';
import { needsRead, planUpdate, type Plan } from '../plan/update.js';
import { changeLines, outputs, summary, type Report } from '../runner/report.js';
import { resolveTarget } from '../c1/resolve.js';
import type { Runtime } from '../runner/runtime.js';
import { maskSecretInputs, maskVerifySecret, openClient } from './session.js';
import { RunState } from '../runner/state.js';
import { verifyCredential, type VerifyResult } from './verification.js';

/**
 * run is the main step: inputs → config → (token ‖ runner IP ‖ read) → plan → update → verify → outputs and
 * summary. Every input is validated before the first request, and what the post step needs is saved before the
 * Update. A failed verification fails the step only after the outputs and the summary are written.
 */
export async function run(rt: Runtime): Promise<void> {
  maskSecretInputs(rt);
  const config = parseConfig(rt.read, rt.env, rt.now());
  maskVerifySecret(rt, config.verify);
  for (const warning of config.warnings) rt.log.warning(warning);
  const state = new RunState(rt.state);
  state.validated(config.cleanup, config.dryRun);
  if (config.target.kind === 'id') state.resolved(config.target.id);

  const client = openClient(config, rt);
  // Everything that does not depend on each other starts now: the token, the runner's IP, the read.
  const token = client.accessToken();
  // The run link needs @actions/github (Octokit), loaded while the first requests are on the wire, not after.
  const runLink = config.jobSummary ? rt.runLink().catch(() => undefined) : Promise.resolve(undefined);
  const [resolved, runnerIp] = await Promise.all([
    resolveTarget(client, config.target, needsRead(config)).then((found) => {
      // Saved at once, so a post-step lock after a failed detection needs no List of its own.
      state.resolved(found.id);
      return found;
    }),
    config.allowSourceCidr?.runner === true ? findRunnerIp(config.runnerIp, askSource(client, rt)) : Promise.resolve(undefined),
    token
  ]);

  const plan = planUpdate({ config, current: resolved.current, runnerCidrs: runnerIp?.cidrs ?? [], now: rt.now() });
  for (const notice of plan.notices) rt.log.notice(notice);
  let after: PersonalClient;
  let updated = false;
  let malformed: AcceptedMalformed | undefined;
  if (plan.mask.length === 0) {
    rt.log.info(`Personal client '${resolved.id}': nothing to send.`);
    state.outcome('unchanged');
    after = resolved.current ?? { id: resolved.id };
  } else if (config.dryRun) {
    rt.log.info(`Dry run: would send an Update of ${plan.mask.join(', ')} to personal client '${resolved.id}'.`);
    after = { ...resolved.current, ...plan.client };
  } else {
    try {
      after = await sendUpdate(client, state, resolved.id, plan);
    } catch (error) {
      // Accepted, so reported as such (outputs show what was sent), and then the step still fails naming the Update.
      if (!(error instanceof AcceptedMalformed)) throw error;
      malformed = error;
      after = { ...resolved.current, id: resolved.id, ...plan.client };
    }
    updated = true;
  }

  const done: Report = {
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
  for (const line of changeLines(done)) (done.dryRun ? rt.log.info : rt.log.notice)(line);

  let verified: VerifyResult | undefined;
  if (config.verify.mode === 'token' && config.dryRun) {
    rt.log.info(`Dry run: no verification (verify: token mints a token with personal client '${resolved.id}' only in a real run).`);
  } else if (config.verify.mode === 'token') {
    verified = await verifyCredential(rt, client, config.verify, {
      id: resolved.id,
      after,
      before: resolved.current,
      runnerAddresses: runnerIp?.addresses,
      askTimeoutMs: config.runnerIp.timeoutMs
    });
  }

  const result: Report = verified === undefined ? done : { ...done, verified: verified.verification };
  for (const [name, value] of Object.entries(outputs(result))) rt.setOutput(name, value);
  if (config.jobSummary) await rt.writeSummary(summary(result, await runLink));
  if (malformed !== undefined) throw malformed;
  if (verified?.failure !== undefined) throw new Error(verified.failure);
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
    if (error instanceof AcceptedMalformed) state.outcome('accepted');
    // An error status C1 chose (400, 403, 404…) on every attempt means the Update was not applied. Anything
    // else (a network error or 5xx on some attempt, a 200 whose body is not C1's) leaves the outcome unknown.
    if (error instanceof C1Error && error.status !== undefined && error.status >= 400 && !error.retryable && !error.maybeApplied) {
      state.outcome('rejected');
    }
    throw error;
  }
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
