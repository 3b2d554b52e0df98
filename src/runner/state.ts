import type { Cleanup } from '../config/inputs.js';
import { FIELDS } from '../config/names.js';
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

/** readSavedRun reads main's record; anything missing or malformed reads as "main did not validate". */
export function readSavedRun(store: StateStore): SavedRun {
  const cleanup = store.get(StateKey.cleanup);
  const outcome = store.get(StateKey.outcome);
  const undoText = store.get(StateKey.undo);
  let undo: Undo | undefined;
  try {
    const parsed: unknown = undoText === '' ? undefined : JSON.parse(undoText);
    undo = isUndo(parsed) ? parsed : undefined;
  } catch {
    undo = undefined;
  }
  const id = store.get(StateKey.id);
  return {
    validated: store.get(StateKey.validated) === 'true' && (cleanup === 'none' || cleanup === 'restore' || cleanup === 'lock'),
    cleanup: cleanup === 'restore' || cleanup === 'lock' ? cleanup : 'none',
    dryRun: store.get(StateKey.dryRun) === 'true',
    id: id === '' ? undefined : id,
    undo,
    outcome: OUTCOMES.find((o) => o === outcome) ?? 'unsent'
  };
}

/** isUndo checks the shape of a saved Undo: state is plain text another step wrote, so it is checked, not trusted. */
function isUndo(value: unknown): value is Undo {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
  return (
    (o.cidrMode === 'replace' || o.cidrMode === 'add' || o.cidrMode === 'remove') &&
    strings(o.cidrsAdded) &&
    strings(o.cidrsRemoved) &&
    Array.isArray(o.changes) &&
    o.changes.every((c: unknown) => typeof c === 'object' && c !== null && FIELDS.some((f) => f === (c as Record<string, unknown>).field))
  );
}
