import { isPersonalClientId } from '../config/inputs.js';
import { quote } from '../config/errors.js';
import { C1Error, shapeOf } from './errors.js';
import { isObject } from './types.js';

/**
 * The two kinds of credential the rotate action replaces, read into one shape: personal clients (`pcc`) and
 * service principal credentials (`spc`) spell the same fields differently (allowSourceCidr / allowSourceCidrs,
 * scopedRoles / scopedRoleIds, expiresTime / expiresAt).
 */
export type CredentialKind = 'pcc' | 'spc';

/** Owner is where credentials of a kind live: the caller's personal clients, or one service principal's. */
export type Owner = { readonly kind: 'pcc' } | { readonly kind: 'spc'; readonly servicePrincipalId: string };

/** CredentialRef names one credential: its owner and its id. */
export type CredentialRef = Owner & { readonly id: string };

export interface CredentialRecord {
  readonly ref: CredentialRef;
  readonly clientId: string;
  readonly displayName: string;
  /** null when C1 sent none (no restriction). */
  readonly allowSourceCidr: readonly string[] | null;
  readonly scopedRoles: readonly string[] | null;
  readonly expiresTime: string | null;
  readonly createdAt: string | null;
  readonly requireDpop: boolean;
}

/** NewCredential is what a Create sends; `expires` a protobuf Duration in JSON (`"2592000s"`). */
export interface NewCredential {
  readonly displayName: string;
  readonly allowSourceCidr: readonly string[];
  readonly scopedRoles: readonly string[];
  readonly expires: string;
}

/** collectionPath is the List/Create path of an owner. */
export function collectionPath(owner: Owner): string {
  if (owner.kind === 'pcc') return '/api/v1/iam/personal_clients';
  if (owner.servicePrincipalId === '') throw new Error('internal: empty service principal id');
  return `/api/v1/service_principals/${encodeURIComponent(owner.servicePrincipalId)}/credentials`;
}

/** credentialPath is the Get/Delete path of one credential; an empty id would name the collection. */
export function credentialPath(ref: CredentialRef): string {
  if (ref.id === '') throw new Error('internal: empty credential id');
  return `${collectionPath(ref)}/${encodeURIComponent(ref.id)}`;
}

/** describe names a credential in messages: "personal client 'blue-whale'" or "service principal credential 'x' of 'sp'". */
export function describe(ref: CredentialRef): string {
  return ref.kind === 'pcc'
    ? `personal client '${ref.id}'`
    : `service principal credential '${ref.id}' (service principal '${ref.servicePrincipalId}')`;
}

/** listName names an owner's List in messages. */
export function listName(owner: Owner): string {
  return owner.kind === 'pcc' ? 'List of personal clients' : `ListCredentials of service principal '${owner.servicePrincipalId}'`;
}

/** createBody is Create's request for a kind: spc says allowSourceCidrs, pcc allowSourceCidr; both say scopedRoles. */
export function createBody(owner: Owner, fields: NewCredential): Record<string, unknown> {
  const cidrs = [...fields.allowSourceCidr];
  return {
    displayName: fields.displayName,
    ...(owner.kind === 'pcc' ? { allowSourceCidr: cidrs } : { allowSourceCidrs: cidrs }),
    scopedRoles: [...fields.scopedRoles],
    expires: fields.expires
  };
}

/**
 * toRecord reads one credential as C1 sent it, checking the types of the fields the rotation relies on;
 * undefined when it is not a credential with an id and a client ID. An id that is not an id (`..`, `a/b`) throws,
 * naming the call `what`: it goes into Get and Delete paths, where `.` and `..` would name another resource.
 */
export function toRecord(owner: Owner, raw: unknown, what: string): CredentialRecord | undefined {
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '' || typeof raw.clientId !== 'string' || raw.clientId === '') {
    return undefined;
  }
  checkId(what, 'credential id', raw.id);
  const spc = owner.kind === 'spc';
  const cidrs = spc ? raw.allowSourceCidrs : raw.allowSourceCidr;
  const roles = spc ? raw.scopedRoleIds : raw.scopedRoles;
  const expires = spc ? raw.expiresAt : raw.expiresTime;
  if (!isStringListOrNull(cidrs) || !isStringListOrNull(roles) || !isStringOrNull(expires) || !isStringOrNull(raw.createdAt)) {
    return undefined;
  }
  return {
    ref: { ...owner, id: raw.id },
    clientId: raw.clientId,
    displayName: typeof raw.displayName === 'string' ? raw.displayName : '',
    allowSourceCidr: cidrs ?? null,
    scopedRoles: roles ?? null,
    expiresTime: expires ?? null,
    createdAt: raw.createdAt ?? null,
    requireDpop: raw.requireDpop === true
  };
}

/** expectRecord reads the credential a Get or Create answered with, or fails naming the call. */
export function expectRecord(owner: Owner, what: string, raw: unknown): CredentialRecord {
  const record = toRecord(owner, raw, what);
  if (record === undefined) throw new C1Error(`C1 ${what} answered 200 without a usable credential (got ${shapeOf(raw)}).`, 200, false);
  return record;
}

/** checkId throws when an id from C1 is not one, before it is put into a path. */
export function checkId(what: string, field: string, id: string): void {
  if (!isPersonalClientId(id)) throw new C1Error(`C1 ${what} gave a ${field} that is not an id: ${quote(id)}.`, 200, false);
}

function isStringListOrNull(v: unknown): v is readonly string[] | null | undefined {
  return v === undefined || v === null || (Array.isArray(v) && v.every((item) => typeof item === 'string'));
}

function isStringOrNull(v: unknown): v is string | null | undefined {
  return v === undefined || v === null || typeof v === 'string';
}
