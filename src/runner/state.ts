import { isObject } from '../c1/types.js';
import { isPersonalClientId, isRoleId, type Cleanup } from '../config/inputs.js';
import { Defaults, FIELDS, type Field } from '../config/names.js';
import { isCidr } from '../net/cidr.js';
import type { Undo } from '../plan/update.js';

/** State keys, shared by both steps: the runner hands main's `GITHUB_STATE` to post as `STATE_<key>`. */
export const StateKey = {
  validated: 'validated',
  cleanup: 'cleanup',
  dryRun: 'dry-run',
  id: 'id',
  undo: 'undo',
  outcome: 'outcome'
} as const;

/**
 * Outcome of main's Update, as the post step needs it: `unsent` (never sent: restore does nothing), `sent`
 * (sent, answer unknown: a timeout or a cancellation mid-call), `accepted`, `rejected`, or `unchanged`.
 */
export type Outcome = 'unsent' | 'sent' | 'accepted' | 'rejected' | 'unchanged';

/** StateStore is the part of `@actions/core` that carries state; tests swap it. */
export interface StateStore {
  save(key: string, value: string): void;
  get(key: string): string;
}

/** SavedRun is what the main step left for the post step. No token or secret is ever part of it. */
export interface SavedRun {
  readonly validated: boolean;
  readonly cleanup: Cleanup;
  readonly dryRun: boolean;
  readonly id: string | undefined;
  readonly undo: Undo | undefined;
  readonly outcome: Outcome;
  /** What in the saved record broke the main step's rules (the id, or the undo record, which is then dropped). */
  readonly problems: readonly string[];
}

/** RunState writes main's record step by step, so what a cancelled main already did is on disk. */
export class RunState {
  constructor(private readonly store: StateStore) {}

  validated(cleanup: Cleanup, dryRun: boolean): void {
    this.store.save(StateKey.cleanup, cleanup);
    this.store.save(StateKey.dryRun, String(dryRun));
    this.store.save(StateKey.outcome, 'unsent');
    this.store.save(StateKey.validated, 'true');
  }

  resolved(id: string): void {
    this.store.save(StateKey.id, id);
  }

  /** planned records what restore must undo; called before the Update is sent. */
  planned(undo: Undo): void {
    this.store.save(StateKey.undo, JSON.stringify(undo));
  }

  outcome(outcome: Outcome): void {
    this.store.save(StateKey.outcome, outcome);
  }
}

const OUTCOMES: readonly Outcome[] = ['unsent', 'sent', 'accepted', 'rejected', 'unchanged'];

/**
 * readSavedRun reads main's record; anything missing reads as "main did not validate". State is plain text that
 * another step wrote, so it is checked against the main step's own rules, not trusted: an id that is not a valid
 * personal client id, or an undo record with values the main step could not have planned, is dropped and named
 * in `problems`.
 */
export function readSavedRun(store: StateStore): SavedRun {
  const cleanup = store.get(StateKey.cleanup);
  const outcome = store.get(StateKey.outcome);
  const undoText = store.get(StateKey.undo);
  const problems: string[] = [];
  let undo: Undo | undefined;
  if (undoText !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(undoText);
    } catch {
      parsed = undefined;
    }
    const problem = undoProblem(parsed);
    if (problem === undefined) undo = parsed as Undo;
    else problems.push(`the saved undo record ${problem}`);
  }
  const savedId = store.get(StateKey.id);
  const id = savedId === '' || !isPersonalClientId(savedId) ? undefined : savedId;
  if (savedId !== '' && id === undefined)
    problems.push(`the saved id ${JSON.stringify(savedId.slice(0, 80))} is not a valid personal client id`);
  return {
    validated: store.get(StateKey.validated) === 'true' && (cleanup === 'none' || cleanup === 'restore' || cleanup === 'lock'),
    cleanup: cleanup === 'restore' || cleanup === 'lock' ? cleanup : 'none',
    dryRun: store.get(StateKey.dryRun) === 'true',
    id,
    undo,
    outcome: OUTCOMES.find((o) => o === outcome) ?? 'unsent',
    problems
  };
}

/** undoProblem says how a saved Undo breaks the rules a planned one keeps, or undefined when it keeps them. */
function undoProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not a JSON object';
  if (!(value.cidrMode === 'replace' || value.cidrMode === 'add' || value.cidrMode === 'remove')) return 'has no valid cidrMode';
  for (const key of ['cidrsAdded', 'cidrsRemoved'] as const) {
    const problem = valueProblem('allowSourceCidr', value[key]);
    if (problem !== undefined) return `has ${key} that ${problem}`;
  }
  if (!Array.isArray(value.changes)) return 'has no list of changes';
  const seen = new Set<string>();
  for (const change of value.changes as unknown[]) {
    if (!isObject(change)) return 'has a change that is not an object';
    const field = FIELDS.find((f) => f === change.field);
    if (field === undefined || seen.has(field)) return 'has a change of an unknown or repeated field';
    seen.add(field);
    for (const side of ['before', 'after'] as const) {
      if (side === 'before' && change.before === undefined) continue;
      const problem = valueProblem(field, change[side]);
      if (problem !== undefined) return `has ${field} (${side}) that ${problem}`;
    }
  }
  return undefined;
}

/** valueProblem holds a saved field value to what the main step could have planned or read for that field. */
function valueProblem(field: Field, value: unknown): string | undefined {
  if (field === 'displayName') return typeof value === 'string' ? undefined : 'is not text';
  if (field === 'expiresTime') {
    if (value === null) return undefined;
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : 'is not a timestamp';
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'is not a list of text';
  const list = value;
  if (field === 'scopedRoles') return list.every(isRoleId) ? undefined : 'holds something that is not a role ID';
  if (list.length > Defaults.maxCidrs) return `holds ${list.length} CIDRs, more than ${Defaults.maxCidrs}`;
  return list.every(isCidr) ? undefined : 'holds something that is not a CIDR';
}
