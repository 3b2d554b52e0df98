import type { Field } from '../config/names.js';
import { allowsAll } from '../net/cidr.js';

/** A field's value as the plans see it: text, a list, or null for "no expiry". */
export type FieldValue = string | readonly string[] | null;

/**
 * widens says why a field's value would leave the credential wider than any narrowed value could, or
 * undefined when it would not: an allowSourceCidr that lets everyone in (empty, or covering every address of a
 * family), no scopedRoles (all of the owner's roles), no expiresTime (it never expires). Every such value needs
 * `allow-unrestricted: true`, wherever it comes from: inputs, a merge, a mask that clears it, or a restore.
 */
export function widens(field: Field, value: FieldValue): string | undefined {
  const list = Array.isArray(value) ? (value as readonly string[]) : [];
  switch (field) {
    case 'allowSourceCidr':
      if (list.length === 0) return 'an empty allowSourceCidr, which C1 reads as "allow from anywhere"';
      return allowsAll(list)
        ? `an allowSourceCidr that covers every address of a family (${list.join(', ')}), which C1 treats like an empty list: "allow from anywhere"`
        : undefined;
    case 'scopedRoles':
      return list.length === 0 ? 'no scopedRoles, which gives the credential every role of its owner' : undefined;
    case 'expiresTime':
      return value === null || value === '' ? 'no expiresTime, so the credential never expires' : undefined;
    case 'displayName':
      return undefined;
  }
}
