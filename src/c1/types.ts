/** PersonalClient is C1's credential record; the writable fields are the ones this action changes. */
export interface PersonalClient {
  readonly id?: string;
  readonly clientId?: string;
  readonly userId?: string;
  readonly displayName?: string;
  readonly allowSourceCidr?: readonly string[] | null;
  readonly scopedRoles?: readonly string[] | null;
  readonly expiresTime?: string | null;
  readonly createdAt?: string | null;
  readonly updatedAt?: string | null;
  readonly lastUsedAt?: string | null;
  readonly deletedAt?: string | null;
}

/** ClientFields is what an Update carries: only the writable fields. */
export interface ClientFields {
  displayName?: string;
  allowSourceCidr?: string[];
  scopedRoles?: string[];
  expiresTime?: string | null;
}

type TextField = 'id' | 'clientId' | 'userId' | 'displayName' | 'expiresTime' | 'createdAt' | 'updatedAt' | 'lastUsedAt' | 'deletedAt';
type ListField = 'allowSourceCidr' | 'scopedRoles';

/** The fields of C1's PersonalClient schema, in its order: the only ones read from an answer or written to an output. */
export const PERSONAL_CLIENT_FIELDS = [
  'id',
  'clientId',
  'userId',
  'displayName',
  'allowSourceCidr',
  'scopedRoles',
  'expiresTime',
  'createdAt',
  'updatedAt',
  'lastUsedAt',
  'deletedAt'
] as const satisfies readonly (TextField | ListField)[];

const LISTS: readonly string[] = ['allowSourceCidr', 'scopedRoles'];
/** The fields C1's schema documents as nullable: the lists and the timestamps. */
const NULLABLE: readonly string[] = [...LISTS, 'expiresTime', 'createdAt', 'updatedAt', 'lastUsedAt', 'deletedAt'];

/** isObject says whether a parsed JSON value is an object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * readPersonalClient takes the schema's fields out of a record C1 sent, checking each one's type, and nothing
 * else: an unexpected field (even one named `clientSecret`), however large or deeply nested, is never read or
 * kept. Returns what is wrong, as text, when a schema field has the wrong type.
 */
export function readPersonalClient(value: unknown): PersonalClient | string {
  if (!isObject(value)) return 'the record is not an object';
  const record = value;
  const out: Record<string, string | readonly string[] | null> = {};
  for (const field of PERSONAL_CLIENT_FIELDS) {
    if (!Object.hasOwn(record, field)) continue;
    const v = record[field];
    if (v === undefined) continue;
    if (v === null) {
      // protojson writes an unset text field as absent, never null; a null there reads as absent too.
      if (!NULLABLE.includes(field)) continue;
      out[field] = null;
    } else if (LISTS.includes(field)) {
      if (!Array.isArray(v) || !v.every((item) => typeof item === 'string')) return `${field} is not a list of strings`;
      out[field] = [...v];
    } else {
      if (typeof v !== 'string') return `${field} is not a string`;
      out[field] = v;
    }
  }
  return out;
}
