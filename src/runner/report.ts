import { summary as coreSummary } from '@actions/core';
import { PERSONAL_CLIENT_FIELDS, type PersonalClient } from '../c1/types.js';
import type { Verification } from '../c1/verify.js';
import type { Cleanup } from '../config/inputs.js';
import type { RunLink } from './runtime.js';
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
    [Output.client]: JSON.stringify(schemaFields(o.after))
  };
}

/** schemaFields keeps only the fields of C1's PersonalClient schema: an output carries nothing else C1 sent. */
function schemaFields(client: PersonalClient): PersonalClient {
  return Object.fromEntries(PERSONAL_CLIENT_FIELDS.flatMap((f) => (client[f] === undefined ? [] : [[f, client[f]]])));
}

/** changeLines says what changed, one line per field, for `::notice::` annotations. */
export function changeLines(o: Report): string[] {
  const verb = o.dryRun ? 'would change' : 'changed';
  return o.plan.changes.map(
    (c) => `Personal client '${o.id}' ${verb} ${c.field}: ${c.before === undefined ? '(not read)' : show(c.before)} → ${show(c.after)}`
  );
}

/**
 * summary renders the job summary with `@actions/core`'s builder: a heading naming the credential, a
 * before/after table, and what comes next. Everything the action did not write itself (ids, values and notices
 * quoting C1, echo services' answers) goes through `text`, so it shows as written and never as markup.
 */
export function summary(o: Report, runLink: RunLink | undefined): string {
  const s = coreSummary.emptyBuffer();
  s.addHeading(`ConductorOne personal client ${code(o.id)}`, 3);
  if (o.plan.changes.length === 0) {
    s.addRaw('<p>Nothing to send: no field needed changing.</p>', true);
  } else {
    s.addTable([
      [header('field'), header('before'), header('after')],
      ...o.plan.changes.map((c) => [c.field, c.before === undefined ? '<em>not read</em>' : code(c.before), code(c.after)])
    ]);
  }
  const items = o.plan.notices.map(text);
  if (o.runnerIp !== undefined) {
    const agreed = o.runnerIp.agreements.map((a) => `${code(a.address)} (agreed: ${a.sources.map(text).join(', ')})`);
    items.push(`Runner IP: ${agreed.length > 0 ? agreed.join('; ') : `${o.runnerIp.addresses.map(code).join(', ')} (given as runner-ip)`}`);
    if (o.runnerIp.answers !== '') items.push(`Sources asked: ${text(o.runnerIp.answers)}`);
  }
  if (o.dryRun) items.push('Dry run: no Update was sent.');
  else if (o.updated) items.push(`Updated by ${link(runLink)}.`);
  if (o.verified !== undefined) items.push(verifiedLine(o.verified));
  items.push(`Post step: ${cleanupText(o)}`);
  s.addList(items);
  return take(s);
}

/** postSummary renders what the post step did, with the same escaping as the main summary. */
export function postSummary(id: string, verb: 'Locked' | 'Restored', changes: readonly FieldChange[]): string {
  const s = coreSummary.emptyBuffer();
  s.addHeading(`Post step: ${verb} personal client ${code(id)}`, 3);
  s.addTable([[header('field'), header('now')], ...changes.map((c) => [c.field, code(c.after)])]);
  return take(s);
}

/** take hands back the built summary and empties the shared builder, which writes nothing itself. */
export function take(s: typeof coreSummary): string {
  const markdown = s.stringify();
  s.emptyBuffer();
  return markdown;
}

export function header(data: string): { data: string; header: true } {
  return { data, header: true };
}

/** link renders the run link as HTML; an address that is not https (the runner's variables say) shows as text. */
function link(runLink: RunLink | undefined): string {
  if (runLink === undefined) return 'this workflow run';
  if (!/^https:\/\/[^\s]+$/u.test(runLink.url)) return `${text(runLink.label)} (${text(runLink.url)})`;
  return `<a href="${attribute(runLink.url)}">${text(runLink.label)}</a>`;
}

function verifiedLine(v: Verification): string {
  const tries = `${v.attempts} ${v.attempts === 1 ? 'attempt' : 'attempts'}`;
  const after = `${(v.afterMs / 1000).toFixed(1)} s`;
  return v.accepted
    ? `Verified: C1 minted a token with the credential from this runner after ${after} (${tries}).`
    : `Not verified: C1 did not mint a token with the credential from this runner in ${after} (${tries}).`;
}

function cleanupText(o: Report): string {
  if (o.dryRun) return 'nothing (dry run).';
  if (o.cleanup === 'lock') return `locks allowSourceCidr to ${o.lockCidr.map(code).join(', ')}.`;
  if (o.cleanup === 'restore') return o.updated ? "restores this run's change." : 'nothing to restore.';
  return 'nothing (cleanup: none).';
}

/**
 * text shows untrusted text as text in the summary: line breaks flattened, HTML escaped, and the characters
 * that make Markdown links, code spans, emphasis, tables or escapes written as entities, which GitHub shows
 * as the characters themselves.
 */
export function text(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/gu, ' ').replace(/[&<>"'`*_[\]|\\~]/gu, (c) => ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function attribute(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}

/** code shows an untrusted value as inline code, escaped like `text`. */
export function code(value: FieldValue): string {
  const shown = Array.isArray(value) ? (asList(value).length === 0 ? '(empty)' : asList(value).join(', ')) : show(value);
  return `<code>${text(shown)}</code>`;
}
