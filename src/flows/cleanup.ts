import { AcceptedMalformed, type C1Client } from '../c1/client.js';
import { messageOf } from '../c1/errors.js';
import type { ClientFields, PersonalClient } from '../c1/types.js';
import { ownCredential, parseCleanupConfig, selfLock, type CleanupConfig } from '../config/inputs.js';
import { asList } from '../plan/update.js';
import { postSummary } from '../runner/report.js';
import { resolveTarget } from '../c1/resolve.js';
import type { Runtime } from '../runner/runtime.js';
import { maskSecretInputs, openClient } from './session.js';
import { readSavedRun, type SavedRun } from '../runner/state.js';
import { planRestore } from '../plan/undo.js';

/**
 * cleanup is the post step: read what main saved, authenticate afresh from the inputs (main's token may have
 * expired, and tokens are never saved), then undo this run's change or lock the credential. Any failure on
 * the way says loudly that the credential may still be open, and what it holds as far as is known.
 */
export async function cleanup(rt: Runtime): Promise<void> {
  maskSecretInputs(rt);
  const saved = readSavedRun(rt.state);
  const skip = skipReason(saved);
  if (skip !== undefined) {
    rt.log.info(`Post step: nothing to do: ${skip}.`);
    return;
  }
  const config = parseCleanupConfig(rt.read, rt.env);
  // The saved record is untrusted: what it holds passes the main step's rules before anything is sent.
  const own = ownCredential(config.target, config.auth);
  if (saved.cleanup === 'lock' && own !== undefined) throw selfLock(own);
  if (saved.problems.length > 0) {
    const problems = saved.problems.join('; ');
    if (saved.cleanup === 'restore') {
      throw new Error(
        `Post step: the main step's saved state breaks its own rules (${problems}); nothing was sent. Check the credential in C1.`
      );
    }
    rt.log.warning(`Post step: the main step's saved state breaks its own rules (${problems}); locking the credential the inputs name.`);
  }
  const client = openClient(config, rt);
  let holds = mainLeft(saved);
  try {
    // A main that failed before it resolved the id (a List error, say) still gets its lock.
    const id = saved.id ?? (await resolveTarget(client, config.target, false)).id;
    if (saved.cleanup === 'lock') {
      await lock(rt, client, config, id);
    } else {
      const current = await client.get(id);
      holds = describe(current);
      await restore(rt, client, config, id, saved, current);
    }
  } catch (error) {
    throw new Error(
      `Post step: the ${saved.cleanup} of personal client '${saved.id ?? (config.target.kind === 'id' ? config.target.id : config.target.clientId)}' failed, so the credential may still be open: ` +
        `it holds ${holds}. Fix it by hand in C1. Cause: ${messageOf(error)}`
    );
  }
}

function skipReason(saved: SavedRun): string | undefined {
  if (!saved.validated) return 'the main step did not validate its inputs, so it changed nothing';
  if (saved.dryRun) return 'the main step was a dry run';
  if (saved.cleanup === 'none') return 'cleanup is none';
  if (
    saved.cleanup === 'restore' &&
    (saved.outcome === 'unsent' || saved.outcome === 'unchanged' || (saved.undo === undefined && saved.problems.length === 0))
  ) {
    return 'the main step sent no Update, so there is nothing of this run to undo';
  }
  if (saved.cleanup === 'restore' && saved.outcome === 'rejected')
    return "C1 rejected the main step's Update, so there is nothing of this run to undo";
  return undefined;
}

async function lock(rt: Runtime, client: C1Client, config: CleanupConfig, id: string): Promise<void> {
  const after = await acceptedUpdate(rt, client, id, { allowSourceCidr: [...config.lockCidr] }, ['allowSourceCidr']);
  rt.log.notice(`Post step: locked personal client '${id}': allowSourceCidr is now ${(after.allowSourceCidr ?? []).join(', ')}.`);
  if (config.jobSummary)
    await rt.writeSummary(postSummary(id, 'Locked', [{ field: 'allowSourceCidr', before: undefined, after: config.lockCidr }]));
}

async function restore(
  rt: Runtime,
  client: C1Client,
  config: CleanupConfig,
  id: string,
  saved: SavedRun,
  current: PersonalClient
): Promise<void> {
  if (saved.undo === undefined) return;
  const plan = planRestore(saved.undo, current, config.allowUnrestricted);
  for (const warning of plan.warnings) rt.log.warning(`Post step: ${warning}`);
  if (plan.mask.length === 0) {
    const why =
      saved.outcome === 'sent' ? "the main step's Update did not take effect, or was already undone" : 'already as before this run';
    rt.log.info(`Post step: personal client '${id}' has nothing of this run to undo (${why}).`);
    return;
  }
  await acceptedUpdate(rt, client, id, plan.client, plan.mask);
  rt.log.notice(`Post step: restored personal client '${id}': ${plan.mask.join(', ')} put back as before this run.`);
  if (config.jobSummary) await rt.writeSummary(postSummary(id, 'Restored', plan.changes));
}

/**
 * acceptedUpdate sends an Update; one that C1 accepted with a malformed answer did its job, so it counts, with a
 * warning, and reads as the values sent.
 */
async function acceptedUpdate(
  rt: Runtime,
  client: C1Client,
  id: string,
  fields: ClientFields,
  mask: readonly string[]
): Promise<PersonalClient> {
  try {
    return await client.update(id, fields, mask);
  } catch (error) {
    if (!(error instanceof AcceptedMalformed)) throw error;
    rt.log.warning(`Post step: ${error.message}`);
    return fields;
  }
}

/** mainLeft says what the main step left in allowSourceCidr, as far as its saved record tells. */
function mainLeft(saved: SavedRun): string {
  const set = saved.undo?.changes.find((c) => c.field === 'allowSourceCidr');
  if (set === undefined || saved.outcome === 'unsent' || saved.outcome === 'rejected') return 'what it held before this job';
  const list = `allowSourceCidr [${asList(set.after).join(', ')}]`;
  return saved.outcome === 'accepted' ? list : `${list}, if the main step's Update took effect`;
}

function describe(client: PersonalClient): string {
  const list = client.allowSourceCidr ?? [];
  return list.length === 0 ? 'an empty allowSourceCidr (allow from anywhere)' : `allowSourceCidr [${list.join(', ')}]`;
}
