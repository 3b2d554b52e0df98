import type { ClientFields, PersonalClient } from '../c1/types.js';
import type { Field } from '../config/names.js';
import { Defaults } from '../config/names.js';
import { normaliseExisting } from '../net/cidr.js';
import { asList, assign, currentValue, sameValue, show, type FieldChange, type FieldValue, type Undo } from './update.js';
import { widens } from './widening.js';

/** Restore is the Update that takes back this run's change, and what had to be left because others changed it. */
export interface Restore {
  readonly mask: readonly Field[];
  readonly client: ClientFields;
  readonly changes: readonly FieldChange[];
  readonly warnings: readonly string[];
}

/**
 * planRestore undoes exactly this run's change against the credential as read now: after `add` it removes
 * only the CIDRs this run added, after `remove` it adds back what it removed, and for a replaced list or any
 * other field it puts back the old value only while the credential still holds what this run set (otherwise
 * someone changed it since, and their change wins, with a warning). Pure, like the main plan. The saved record is
 * untrusted, so what it would put back passes the main step's rules first: at most 32 CIDRs, and nothing that
 * widens the credential (an allow-all list, no roles, no expiry) unless `allowUnrestricted` is set.
 */
export function planRestore(undo: Undo, current: PersonalClient, allowUnrestricted: boolean): Restore {
  const warnings: string[] = [];
  const changes: FieldChange[] = [];
  for (const change of undo.changes) {
    const now = currentValue(current, change.field);
    let target: FieldValue | undefined;
    if (change.field === 'allowSourceCidr' && undo.cidrMode !== 'replace') {
      const list = asList(now);
      const held = new Set(list.map(normaliseExisting));
      const added = new Set(undo.cidrsAdded.map(normaliseExisting));
      target =
        undo.cidrMode === 'add'
          ? list.filter((c) => !added.has(normaliseExisting(c)))
          : [...list, ...undo.cidrsRemoved.filter((c) => !held.has(normaliseExisting(c)))];
    } else if (change.before === undefined) {
      warnings.push(`${change.field}: the value before this run is not known, so it cannot be put back.`);
      continue;
    } else if (sameValue(change.field, now, change.after)) {
      target = change.before;
    } else if (sameValue(change.field, now, change.before)) {
      // Already as before this run: the Update did not take effect (an unknown outcome) or was undone.
      continue;
    } else {
      warnings.push(`${change.field} was changed by someone else since this run set it; left as it is (${show(now)}).`);
      continue;
    }
    if (sameValue(change.field, now, target)) continue;
    const wide = widens(change.field, target);
    if (wide !== undefined && !allowUnrestricted) {
      throw new Error(`restoring would put back ${wide}; refused. Use cleanup: lock, or allow-unrestricted: true if that is really meant.`);
    }
    if (change.field === 'allowSourceCidr' && asList(target).length > Defaults.maxCidrs) {
      throw new Error(`restoring would put back ${asList(target).length} CIDRs; C1 allows at most ${Defaults.maxCidrs}.`);
    }
    changes.push({ field: change.field, before: now, after: target });
  }
  const client: ClientFields = {};
  for (const c of changes) assign(client, c.field, c.after);
  return { mask: changes.map((c) => c.field), client, changes, warnings };
}
