import type { CredentialRecord } from '../c1/credentials.js';
import { summary as coreSummary } from '@actions/core';
import { code, header, take, text } from './report.js';

/** The rotate action's output names, exactly as `rotate/action.yml` declares them. */
export const RotateOutput = {
  rotated: 'rotated',
  oldId: 'old-id',
  oldClientId: 'old-client-id',
  newId: 'new-id',
  newClientId: 'new-client-id',
  expiresTime: 'expires-time',
  verified: 'verified',
  revoked: 'revoked'
} as const;

/**
 * Progress is what a rotation has done so far, filled in as it goes, so that the outputs and the summary can
 * say exactly that whether the step succeeds or fails. It never holds a secret.
 */
export interface Progress {
  readonly dryRun: boolean;
  readonly verify: boolean;
  readonly revokeOld: boolean;
  readonly secretName: string;
  readonly clientIdName: { readonly as: 'variable' | 'secret'; readonly name: string };
  where: string;
  old?: CredentialRecord;
  created?: CredentialRecord;
  expiresTime?: string;
  verifyMs?: number | undefined;
  verified: boolean;
  secretStored: boolean;
  /** The secret write's outcome is unknown: GitHub may hold either secret. */
  secretMaybe?: boolean;
  clientIdStored: boolean;
  rotated: boolean;
  revoked: boolean;
  /** The new credential was revoked again by a rollback. */
  newRevoked?: boolean;
  /** What GitHub may hold, when that is not simply the old or the new pair. */
  holds?: string;
  /** What a person must do, if anything. */
  action?: string;
  notes: string[];
  error?: string;
}

/** rotationOutputs gives every output; what is not known is empty (`new-*`) or false. */
export function rotationOutputs(p: Progress): Record<string, string> {
  return {
    [RotateOutput.rotated]: String(p.rotated),
    [RotateOutput.oldId]: p.old?.ref.id ?? '',
    [RotateOutput.oldClientId]: p.old?.clientId ?? '',
    [RotateOutput.newId]: p.created?.ref.id ?? '',
    [RotateOutput.newClientId]: p.created?.clientId ?? '',
    [RotateOutput.expiresTime]: p.created === undefined ? '' : (p.expiresTime ?? ''),
    [RotateOutput.verified]: String(p.verified),
    [RotateOutput.revoked]: String(p.revoked)
  };
}

/**
 * rotationSummary renders old → new, where it went, verification, revocation, and on failure what GitHub holds,
 * with `@actions/core`'s builder; text the action did not write itself shows as text.
 */
export function rotationSummary(p: Progress): string {
  const s = coreSummary.emptyBuffer();
  s.addHeading(`ConductorOne credential rotation${p.error === undefined ? '' : ' (failed)'}`, 3);
  const rows = [
    ['old', p.old === undefined ? '<em>not read</em>' : code(p.old.clientId)],
    ['new', p.created === undefined ? '<em>none created</em>' : code(p.created.clientId)]
  ];
  if (p.created !== undefined) rows.push(['new expires', code(p.expiresTime ?? '')]);
  const names = `${code(p.secretName)} (secret), ${code(p.clientIdName.name)} (${p.clientIdName.as})`;
  rows.push(['stored in', p.where === '' ? '<em>GitHub not checked</em>' : `${text(p.where)}: ${names}`]);
  const verification = !p.verify
    ? 'skipped'
    : p.verified
      ? `minted a token after ${((p.verifyMs ?? 0) / 1000).toFixed(1)} s`
      : p.created === undefined
        ? 'not reached'
        : `failed after ${((p.verifyMs ?? 0) / 1000).toFixed(1)} s`;
  rows.push(['verification', verification], ['old revoked', p.revoked ? 'yes' : !p.revokeOld ? 'no (revoke-old: false)' : 'no']);
  s.addTable([[header('rotation'), header('result')], ...rows]);
  const items = [`GitHub holds: ${text(holds(p))}`];
  if (p.newRevoked === true) items.push('The new credential was revoked again (rollback).');
  for (const note of p.notes) items.push(text(note));
  if (p.error !== undefined) items.push(`Failed: ${text(p.error)}`);
  const action =
    p.action ?? (p.error !== undefined && p.rotated && !p.revoked ? `revoke the old credential ${p.old?.clientId ?? ''}.` : 'none.');
  items.push(`Action needed: ${text(action)}`);
  s.addList(items);
  return take(s);
}

function holds(p: Progress): string {
  if (p.holds !== undefined) return p.holds;
  if (p.dryRun) return 'unchanged (dry run).';
  if (p.rotated) return 'the new pair.';
  return 'the old pair, unchanged.';
}
