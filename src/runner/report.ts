import type { PersonalClient } from '../c1/types.js';
import type { Verification } from '../c1/verify.js';
import type { Cleanup } from '../config/inputs.js';
import type { RunnerIp } from '../net/detect.js';
import { asList, show, type FieldChange, type FieldValue, type Plan } from '../plan/update.js';

/** Output names, exactly as `action.yml` declares them. */
export const Output = {
  id: 'id',
  clientId: 'client-id',
  displayName: 'display-name',
  expiresTime: 'expires-time',
  allowSourceCidr: 'allow-source-cidr',
  scopedRoles: 'scoped-roles',
  previousAllowSourceCidr: 'previous-allow-source-cidr',
  previousExpiresTime: 'previous-expires-time',
  runnerIp: 'runner-ip',
  updateMask: 'update-mask',
  updated: 'updated',
  verified: 'verified',
  client: 'client'
} as const;

/** Report is everything the main step tells the user once it is done. */
export interface Report {
  readonly id: string;
  /** The credential after the step (planned, in a dry run). */
  readonly after: PersonalClient;
  /** The credential as read before the step, if it was read. */
  readonly before: PersonalClient | undefined;
  readonly plan: Plan;
  readonly runnerIp: RunnerIp | undefined;
  readonly updated: boolean;
  readonly dryRun: boolean;
  readonly cleanup: Cleanup;
  readonly lockCidr: readonly string[];
  /** How `verify: token` went; absent when no verification was asked. */
  readonly verified?: Verification;
}

/** outputs gives every output of the contract; values a step does not know are empty strings. */
export function outputs(o: Report): Record<string, string> {
  return {
    [Output.id]: o.id,
    [Output.clientId]: o.after.clientId ?? o.before?.clientId ?? '',
    [Output.displayName]: o.after.displayName ?? '',
    [Output.expiresTime]: o.after.expiresTime ?? '',
    [Output.allowSourceCidr]: (o.after.allowSourceCidr ?? []).join(','),
    [Output.scopedRoles]: (o.after.scopedRoles ?? []).join(','),
    [Output.previousAllowSourceCidr]: o.before === undefined ? '' : (o.before.allowSourceCidr ?? []).join(','),
    [Output.previousExpiresTime]: o.before?.expiresTime ?? '',
    [Output.runnerIp]: o.runnerIp?.addresses.join(',') ?? '',
    [Output.updateMask]: o.plan.mask.join(','),
    [Output.updated]: String(o.updated),
    [Output.verified]: String(o.verified?.accepted === true),
    [Output.client]: JSON.stringify(o.after)
  };
}

/** changeLines says what changed, one line per field, for `::notice::` annotations. */
export function changeLines(o: Report): string[] {
  const verb = o.dryRun ? 'would change' : 'changed';
  return o.plan.changes.map(
    (c) => `Personal client '${o.id}' ${verb} ${c.field}: ${c.before === undefined ? '(not read)' : show(c.before)} → ${show(c.after)}`
  );
}

/** summary renders the job summary: a heading naming the credential, a before/after table, and what comes next. */
export function summary(o: Report, runLink: string | undefined): string {
  const lines = [`### ConductorOne personal client \`${cell(o.id)}\``, ''];
  if (o.plan.changes.length === 0) {
    lines.push('Nothing to send: no field needed changing.', '');
  } else {
    lines.push('| field | before | after |', '| --- | --- | --- |');
    for (const c of o.plan.changes) {
      lines.push(`| ${c.field} | ${c.before === undefined ? '_not read_' : code(c.before)} | ${code(c.after)} |`);
    }
    lines.push('');
  }
  for (const notice of o.plan.notices) lines.push(`- ${cell(notice)}`);
  if (o.runnerIp !== undefined) {
    const agreed = o.runnerIp.agreements.map((a) => `${code(a.address)} (agreed: ${a.sources.map(cell).join(', ')})`);
    lines.push(
      `- Runner IP: ${agreed.length > 0 ? agreed.join('; ') : `${o.runnerIp.addresses.map(code).join(', ')} (given as runner-ip)`}`
    );
    if (o.runnerIp.answers !== '') lines.push(`- Sources asked: ${cell(o.runnerIp.answers)}`);
  }
  if (o.dryRun) lines.push('- Dry run: no Update was sent.');
  else if (o.updated) lines.push(`- Updated by ${runLink ?? 'this workflow run'}.`);
  if (o.verified !== undefined) lines.push(verifiedLine(o.verified));
  lines.push(`- Post step: ${cleanupText(o)}`);
  return `${lines.join('\n')}\n`;
}

/** postSummary renders what the post step did, with the same escaping as the main summary. */
export function postSummary(id: string, verb: 'Locked' | 'Restored', changes: readonly FieldChange[]): string {
  const rows = changes.map((c) => `| ${c.field} | ${code(c.after)} |`);
  return [`### Post step: ${verb} personal client \`${cell(id)}\``, '', '| field | now |', '| --- | --- |', ...rows, ''].join('\n');
}

function verifiedLine(v: Verification): string {
  const tries = `${v.attempts} ${v.attempts === 1 ? 'attempt' : 'attempts'}`;
  const after = `${(v.afterMs / 1000).toFixed(1)} s`;
  return v.accepted
    ? `- Verified: C1 minted a token with the credential from this runner after ${after} (${tries}).`
    : `- Not verified: C1 did not mint a token with the credential from this runner in ${after} (${tries}).`;
}

function cleanupText(o: Report): string {
  if (o.dryRun) return 'nothing (dry run).';
  if (o.cleanup === 'lock') return `locks allowSourceCidr to ${o.lockCidr.map(code).join(', ')}.`;
  if (o.cleanup === 'restore') return o.updated ? "restores this run's change." : 'nothing to restore.';
  return 'nothing (cleanup: none).';
}

/** cell keeps a value from breaking the table: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ').replace(/\|/gu, '\\|');
}

function code(value: FieldValue): string {
  const text = Array.isArray(value) ? (asList(value).length === 0 ? '(empty)' : asList(value).join(', ')) : show(value);
  return `\`${cell(text).replace(/`/gu, "'")}\``;
}
