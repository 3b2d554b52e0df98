import type { ClientFields, PersonalClient } from '../c1/types.js';
import { formatDuration } from '../config/durations.js';
import { InputError } from '../config/errors.js';
import type { CidrMode, Config } from '../config/inputs.js';
import { Defaults, Input, type Field } from '../config/names.js';
import { normaliseExisting, unique } from '../net/cidr.js';
import { widens, type FieldValue } from './widening.js';

export type { FieldValue };

/** FieldChange is one field of the Update: its value before (when the credential was read) and after. */
export interface FieldChange {
  readonly field: Field;
  readonly before: FieldValue | undefined;
  readonly after: FieldValue;
}

/** Undo is what the post step's `restore` needs to take back exactly this run's change. */
export interface Undo {
  readonly cidrMode: CidrMode;
  readonly changes: readonly FieldChange[];
  /** CIDRs this run put in the list that were not there before. */
  readonly cidrsAdded: readonly string[];
  /** CIDRs this run took out of the list, exactly as C1 held them. */
  readonly cidrsRemoved: readonly string[];
}

/** Plan is the Update to send (an empty mask means nothing to send) and why fields were left out. */
export interface Plan {
  readonly mask: readonly Field[];
  readonly client: ClientFields;
  readonly changes: readonly FieldChange[];
  readonly notices: readonly string[];
  readonly undo: Undo;
}

export interface PlanInput {
  readonly config: Config;
  /** The credential as read, or undefined when the contract says not to read it. */
  readonly current: PersonalClient | undefined;
  /** The runner's CIDRs, when `runner` was asked for. */
  readonly runnerCidrs: readonly string[];
  readonly now: Date;
}

/**
 * planUpdate decides the Update from the config and the credential as read: which fields, which values, and
 * what to undo. It is pure, so every rule here is tested table-driven, and it throws (before anything is sent)
 * when the result would break a guard: more than 32 CIDRs, or (without `allow-unrestricted`) a list that lets
 * everyone in, or a `restore` that would put back a value that widens the credential.
 */
export function planUpdate({ config, current, runnerCidrs, now }: PlanInput): Plan {
  const notices: string[] = [];
  const changes: FieldChange[] = [];
  for (const field of config.mask) {
    const before = current === undefined ? undefined : currentValue(current, field);
    if (field === 'expiresTime' && config.refreshWithinMs !== undefined) {
      const skip = refreshSkipReason(config.expiresTime, current, config.refreshWithinMs, now);
      if (skip !== undefined) {
        notices.push(`expiresTime left as it is: ${skip}.`);
        continue;
      }
    }
    const after = field === 'allowSourceCidr' ? plannedCidrs(config, before, runnerCidrs) : plannedValue(config, field);
    if (before !== undefined && sameValue(field, before, after)) continue;
    changes.push({ field, before, after });
  }
  if (config.cleanup === 'restore' && !config.allowUnrestricted) {
    for (const change of changes) {
      const wide = change.before === undefined ? undefined : widens(change.field, change.before);
      if (wide === undefined) continue;
      throw new InputError(
        Input.cleanup,
        `restore would put back ${wide} at the end of the job (${change.field} before this run); ` +
          'use cleanup: lock, or set allow-unrestricted: true if that is really meant.'
      );
    }
  }
  const cidr = changes.find((c) => c.field === 'allowSourceCidr');
  const cidrBefore = asList(cidr?.before);
  const cidrAfter = asList(cidr?.after);
  const beforeKeys = new Set(cidrBefore.map(normaliseExisting));
  const afterKeys = new Set(cidrAfter.map(normaliseExisting));
  const client: ClientFields = {};
  for (const change of changes) assign(client, change.field, change.after);
  return {
    mask: changes.map((c) => c.field),
    client,
    changes,
    notices,
    undo: {
      cidrMode: config.cidrMode,
      changes,
      cidrsAdded: cidr === undefined ? [] : cidrAfter.filter((c) => !beforeKeys.has(normaliseExisting(c))),
      cidrsRemoved: cidr === undefined || cidr.before === undefined ? [] : cidrBefore.filter((c) => !afterKeys.has(normaliseExisting(c)))
    }
  };
}

/**
 * needsRead is the contract's rule for reading the credential first: only when something needs its current
 * value. Otherwise the Update is the one and only call.
 */
export function needsRead(config: Config): boolean {
  return (
    config.target.kind === 'clientId' ||
    config.cidrMode !== 'replace' ||
    config.refreshWithinMs !== undefined ||
    config.cleanup === 'restore' ||
    config.dryRun
  );
}

function plannedValue(config: Config, field: Exclude<Field, 'allowSourceCidr'>): FieldValue {
  switch (field) {
    case 'displayName':
      return config.displayName ?? '';
    case 'scopedRoles':
      return config.scopedRoles ?? [];
    case 'expiresTime':
      return config.expiresTime?.toISOString() ?? null;
  }
}

function plannedCidrs(config: Config, before: FieldValue | undefined, runnerCidrs: readonly string[]): string[] {
  const requested = unique([...(config.allowSourceCidr?.cidrs ?? []), ...runnerCidrs]);
  if (requested.length > Defaults.maxCidrs) {
    throw new InputError(
      Input.allowSourceCidr,
      `with the runner's address holds ${requested.length} CIDRs; C1 allows at most ${Defaults.maxCidrs}.`
    );
  }
  // Entries C1 holds go back exactly as it holds them; only what this run adds or removes is compared by meaning.
  // Two entries that name one network are one entry: the first is kept, as C1 wrote it.
  const existingKeys = new Set<string>();
  const existing = asList(before).filter((c) => !existingKeys.has(normaliseExisting(c)) && existingKeys.add(normaliseExisting(c)));
  const list =
    config.cidrMode === 'add'
      ? [...existing, ...requested.filter((c) => !existingKeys.has(c))]
      : config.cidrMode === 'remove'
        ? existing.filter((c) => !requested.includes(normaliseExisting(c)))
        : requested;
  if (list.length > Defaults.maxCidrs) {
    throw new InputError(
      Input.allowSourceCidr,
      `adding to the ${existing.length} CIDRs the credential holds gives ${list.length}; C1 allows at most ${Defaults.maxCidrs}.`
    );
  }
  const wide = widens('allowSourceCidr', list);
  if (wide !== undefined && !config.allowUnrestricted) {
    throw new InputError(
      Input.allowSourceCidr,
      `this ${config.cidrMode} would leave ${wide}; set allow-unrestricted: true if that is really meant.`
    );
  }
  return list;
}

function refreshSkipReason(target: Date | undefined, current: PersonalClient | undefined, windowMs: number, now: Date): string | undefined {
  const raw = current?.expiresTime;
  if (raw === undefined || raw === null || raw === '') return 'the credential has no expiry';
  const expires = Date.parse(raw);
  if (Number.isNaN(expires)) return `C1 holds an expiry that is not a date (${raw})`;
  if (expires - now.getTime() > windowMs) return `it expires at ${raw}, more than ${formatDuration(windowMs)} from now`;
  if (target !== undefined && target.getTime() <= expires) return `the new expiry ${target.toISOString()} is not later than ${raw}`;
  return undefined;
}

/** currentValue reads a field of the credential as read, in the plan's canonical form. */
export function currentValue(client: PersonalClient, field: Field): FieldValue {
  switch (field) {
    case 'displayName':
      return client.displayName ?? '';
    case 'scopedRoles':
      return [...(client.scopedRoles ?? [])];
    case 'allowSourceCidr':
      return [...(client.allowSourceCidr ?? [])];
    case 'expiresTime':
      return client.expiresTime === undefined || client.expiresTime === '' ? null : client.expiresTime;
  }
}

/** sameValue compares as C1 means it: lists as sets (CIDRs by the networks they name), expiries as instants. */
export function sameValue(field: Field, a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const key = field === 'allowSourceCidr' ? normaliseExisting : (v: string): string => v;
    const x = new Set(asList(a).map(key));
    const y = new Set(asList(b).map(key));
    return x.size === y.size && [...x].every((v) => y.has(v));
  }
  if (field === 'expiresTime' && typeof a === 'string' && typeof b === 'string') return Date.parse(a) === Date.parse(b);
  return a === b;
}

/** show renders a field's value for a log line: (none) for no expiry, (empty) for an empty text or list. */
export function show(value: FieldValue): string {
  if (value === null) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  return value.length === 0 ? '(empty)' : value.join(', ');
}

export function asList(value: FieldValue | undefined): string[] {
  return Array.isArray(value) ? [...(value as readonly string[])] : [];
}

/** assign puts a planned value into the Update body under its field name. */
export function assign(client: ClientFields, field: Field, value: FieldValue): void {
  switch (field) {
    case 'displayName':
      client.displayName = typeof value === 'string' ? value : '';
      break;
    case 'scopedRoles':
      client.scopedRoles = asList(value);
      break;
    case 'allowSourceCidr':
      client.allowSourceCidr = asList(value);
      break;
    case 'expiresTime':
      client.expiresTime = typeof value === 'string' ? value : null;
      break;
  }
}
