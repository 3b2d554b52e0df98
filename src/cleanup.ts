import type { C1Client } from './c1/client.js';
import type { PersonalClient } from './c1/types.js';
import { parseConnection } from './config/connection.js';
import { parseCidrList, parseTarget } from './config/inputs.js';
import { parseBoolean, parseList } from './config/lists.js';
import { Defaults, Input, type Field } from './config/names.js';
import { asList, type FieldChange } from './plan.js';
import { resolveTarget } from './resolve.js';
import { createClient, maskSecretInputs } from './run.js';
import type { Runtime } from './runtime.js';
import { readSavedRun, type SavedRun } from './state.js';
import { planRestore } from './undo.js';

/**
 * cleanup is the post step: read what main saved, authenticate afresh from the inputs (main's token may have
 * expired, and tokens are never saved), then undo this run's change or lock the credential.
 */
export async function cleanup(rt: Runtime): Promise<void> {
  maskSecretInputs(rt);
  const saved = readSavedRun(rt.state);
  const skip = skipReason(saved);
  if (skip !== undefined) {
    rt.log.info(`Post step: nothing to do: ${skip}.`);
    return;
  }
  const connection = parseConnection(rt.read, rt.env);
  if (connection.auth.kind === 'assertion') rt.setSecret(connection.auth.secret.d);
  const client = createClient(connection, rt);
  // A main that failed before it resolved the id (a List error, say) still gets its lock.
  const id = saved.id ?? (await resolveTarget(client, parseTarget(rt.read(Input.personalClientId), connection), false)).id;
  if (saved.cleanup === 'lock') await lock(rt, client, id, saved);
  else await restore(rt, client, id, saved);
}

function skipReason(saved: SavedRun): string | undefined {
  if (!saved.validated) return 'the main step did not validate its inputs, so it changed nothing';
  if (saved.dryRun) return 'the main step was a dry run';
  if (saved.cleanup === 'none') return 'cleanup is none';
  if (saved.cleanup === 'restore' && (saved.outcome === 'unsent' || saved.outcome === 'unchanged' || saved.undo === undefined)) {
    return 'the main step sent no Update, so there is nothing of this run to undo';
  }
  if (saved.cleanup === 'restore' && saved.outcome === 'rejected')
    return "C1 rejected the main step's Update, so there is nothing of this run to undo";
  return undefined;
}

async function lock(rt: Runtime, client: C1Client, id: string, saved: SavedRun): Promise<void> {
  const items = parseList(rt.read(Input.lockCidr));
  const lockCidr = items.length === 0 ? [Defaults.lockCidr] : parseCidrList(Input.lockCidr, items);
  const after = await update(client, id, ['allowSourceCidr'], { allowSourceCidr: lockCidr }, 'lock', mainLeft(saved));
  rt.log.notice(`Post step: locked personal client '${id}': allowSourceCidr is now ${(after.allowSourceCidr ?? []).join(', ')}.`);
  await summarise(rt, id, 'Locked', [{ field: 'allowSourceCidr', before: undefined, after: lockCidr }]);
}

/** mainLeft says what the main step left in allowSourceCidr, as far as its saved record tells. */
function mainLeft(saved: SavedRun): string {
  const set = saved.undo?.changes.find((c) => c.field === 'allowSourceCidr');
  if (set === undefined || saved.outcome === 'unsent' || saved.outcome === 'rejected') return 'what it held before this job';
  const list = `allowSourceCidr [${asList(set.after).join(', ')}]`;
  return saved.outcome === 'accepted' ? list : `${list}, if the main step's Update took effect`;
}

async function restore(rt: Runtime, client: C1Client, id: string, saved: SavedRun): Promise<void> {
  if (saved.undo === undefined) return;
  const current = await client.get(id);
  const plan = planRestore(saved.undo, current);
  for (const warning of plan.warnings) rt.log.warning(`Post step: ${warning}`);
  if (plan.mask.length === 0) {
    const why =
      saved.outcome === 'sent' ? "the main step's Update did not take effect, or was already undone" : 'already as before this run';
    rt.log.info(`Post step: personal client '${id}' has nothing of this run to undo (${why}).`);
    return;
  }
  const cidrs = plan.changes.find((c) => c.field === 'allowSourceCidr');
  const allowUnrestricted = parseBoolean(Input.allowUnrestricted, rt.read(Input.allowUnrestricted), false);
  if (cidrs !== undefined && asList(cidrs.after).length === 0 && !allowUnrestricted) {
    throw new Error(
      `Post step: restoring personal client '${id}' would leave allowSourceCidr empty (allow from anywhere); refused. ` +
        `It still holds ${describe(current, 'allowSourceCidr')}. Use cleanup: lock, or allow-unrestricted: true.`
    );
  }
  await update(client, id, plan.mask, plan.client, 'restore', describe(current, 'allowSourceCidr'));
  rt.log.notice(`Post step: restored personal client '${id}': ${plan.changes.map((c) => c.field).join(', ')} put back as before this run.`);
  await summarise(rt, id, 'Restored', plan.changes);
}

/** update sends the post step's Update; a failure says loudly that the credential may still be open. */
async function update(
  client: C1Client,
  id: string,
  mask: readonly Field[],
  fields: Parameters<C1Client['update']>[1],
  what: 'lock' | 'restore',
  holds: string
): Promise<PersonalClient> {
  try {
    return await client.update(id, fields, mask);
  } catch (error) {
    throw new Error(
      `Post step: the ${what} of personal client '${id}' failed, so the credential may still be open: it holds ${holds}. ` +
        `Fix it by hand in C1. Cause: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

function describe(client: PersonalClient, field: 'allowSourceCidr'): string {
  const list = client[field] ?? [];
  return list.length === 0 ? `an empty ${field} (allow from anywhere)` : `${field} [${list.join(', ')}]`;
}

async function summarise(rt: Runtime, id: string, verb: string, changes: readonly FieldChange[]): Promise<void> {
  if (!parseBoolean(Input.jobSummary, rt.read(Input.jobSummary), true)) return;
  const rows = changes.map(
    (c) => `| ${c.field} | ${Array.isArray(c.after) ? (c.after as string[]).join(', ') : String(c.after ?? '(none)')} |`
  );
  await rt.writeSummary(
    [`### Post step: ${verb} personal client \`${id}\``, '', '| field | now |', '| --- | --- |', ...rows, ''].join('\n')
  );
}
