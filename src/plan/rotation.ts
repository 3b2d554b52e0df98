import type { CredentialRecord, NewCredential } from '../c1/credentials.js';
import { formatDuration } from '../config/durations.js';
import { InputError } from '../config/errors.js';
import { RotateInput, type RotateConfig } from '../config/rotate.js';
import { allowsAll } from '../net/cidr.js';

/** Due says whether this run creates a new credential, and if not, the notice that says why. */
export type Due = { readonly rotate: true } | { readonly rotate: false; readonly notice: string };

export interface RotationPlan {
  readonly due: Due;
  /** What the Create sends. */
  readonly create: NewCredential;
  /** The new credential's expiry if C1's answer does not say: now + expires-in. */
  readonly expiresTime: string;
}

/**
 * durationJson writes milliseconds as a protobuf Duration in JSON: whole seconds with an `s` suffix
 * (`"2592000s"` for 30 days); a part second is dropped, since C1 counts expiry in seconds.
 */
export function durationJson(ms: number): string {
  return `${Math.floor(ms / 1000)}s`;
}

/**
 * unrestricted says whether a CIDR list allows every address: null or empty (C1 reads that as no restriction),
 * or entries whose union covers a family (`0.0.0.0/0`, `0.0.0.0/1, 128.0.0.0/1`, `::ffff:0.0.0.0/96`, …).
 */
export function unrestricted(cidrs: readonly string[] | null): boolean {
  return cidrs === null || allowsAll(cidrs);
}

/**
 * planRotation decides what the new credential is and whether it is due. It throws when the new one would be
 * wider than the old (an allow-all CIDR list or an empty role list the old one did not have) without
 * `allow-unrestricted`, or when the old one needs DPoP. The check runs before the due check, so a
 * misconfiguration fails on every run, not only when rotation is due.
 */
export function planRotation(config: RotateConfig, current: CredentialRecord, now: Date): RotationPlan {
  if (current.requireDpop) {
    throw new Error(
      `${current.clientId} requires DPoP proof-of-possession, which this action cannot verify, and a copy without it would be wider: rotate it by hand.`
    );
  }
  const cidrs = config.allowSourceCidr ?? (current.allowSourceCidr ?? []).map((c) => c);
  const roles = config.scopedRoles ?? (current.scopedRoles ?? []).map((r) => r);
  if (!config.allowUnrestricted) {
    if (unrestricted(cidrs) && !unrestricted(current.allowSourceCidr)) {
      throw new InputError(
        RotateInput.allowSourceCidr,
        `would let the new credential be used from any address, which the old one (${current.allowSourceCidr?.join(', ') ?? ''}) did not allow; set allow-unrestricted: true if that is meant.`
      );
    }
    if (roles.length === 0 && (current.scopedRoles ?? []).length > 0) {
      throw new InputError(
        RotateInput.scopedRoles,
        'would leave the new credential without role restriction, which the old one had; set allow-unrestricted: true if that is meant.'
      );
    }
  }
  const create: NewCredential = {
    displayName: config.displayName ?? current.displayName,
    allowSourceCidr: cidrs,
    scopedRoles: roles,
    expires: durationJson(config.expiresInMs)
  };
  return {
    due: due(config.rotateWithinMs, current, now),
    create,
    expiresTime: new Date(now.getTime() + config.expiresInMs).toISOString()
  };
}

function due(withinMs: number | undefined, current: CredentialRecord, now: Date): Due {
  if (withinMs === undefined) return { rotate: true };
  if (current.expiresTime === null || current.expiresTime === '') {
    return { rotate: false, notice: `${current.clientId} does not expire: left alone (rotate-within is set).` };
  }
  const expires = Date.parse(current.expiresTime);
  if (Number.isNaN(expires)) return { rotate: true };
  const left = expires - now.getTime();
  if (left <= withinMs) return { rotate: true };
  return {
    rotate: false,
    notice: `${current.clientId} expires at ${current.expiresTime}, in ${formatDuration(left)}, later than rotate-within (${formatDuration(withinMs)}): not rotated.`
  };
}

/** Failure is a row of the contract's failure table, from Create on (earlier failures create nothing). */
export type Failure = 'create-rejected' | 'create-unknown' | 'verify' | 'secret-rejected' | 'secret-unknown' | 'client-id' | 'revoke-old';

/** Rollback is what the action does after a failure, before it fails the step. */
export interface Rollback {
  /** List the owner's credentials and revoke what this run's Create may have made. */
  readonly orphanSearch: boolean;
  /** Write the old secret and the old client ID back to GitHub (then the new one may go). */
  readonly writeBack: boolean;
  /** Revoke the new credential (after the write-back succeeded, where there is one). */
  readonly revokeNew: boolean;
  /** Both credentials stay valid; a person (or a rerun) finishes the job. */
  readonly keepBoth: boolean;
}

/**
 * rollbackFor says what each row of the failure table undoes. `oldSecretKnown`: the old secret is in hand
 * (`self` with a given secret), so it can be written back after a failed client-ID write.
 */
export function rollbackFor(failure: Failure, oldSecretKnown: boolean): Rollback {
  const none = { orphanSearch: false, writeBack: false, revokeNew: false, keepBoth: false };
  switch (failure) {
    case 'create-rejected':
    case 'revoke-old':
      return none;
    case 'create-unknown':
      return { ...none, orphanSearch: true };
    case 'verify':
    case 'secret-rejected':
      return { ...none, revokeNew: true };
    case 'secret-unknown':
      return { ...none, keepBoth: true };
    case 'client-id':
      return oldSecretKnown ? { ...none, writeBack: true, revokeNew: true } : { ...none, keepBoth: true };
  }
}

/** ORPHAN_WINDOW_MS: clocks differ, so a credential created up to five minutes before the Create was sent may be this run's. */
export const ORPHAN_WINDOW_MS = 5 * 60_000;

/** isOrphan says whether a listed credential may be the one this run's Create made. */
export function isOrphan(record: CredentialRecord, displayName: string, oldId: string, sentAt: Date): boolean {
  if (record.ref.id === oldId || record.displayName !== displayName) return false;
  const created = record.createdAt === null ? Number.NaN : Date.parse(record.createdAt);
  // Without a creation time it cannot be told from someone else's credential of the same name: left alone.
  return !Number.isNaN(created) && created >= sentAt.getTime() - ORPHAN_WINDOW_MS;
}
